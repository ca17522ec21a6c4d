import { z } from 'zod';
import {
	RESTORE_DEADLINE_STATES,
	RESTORE_SCOPES,
	RESTORE_STATUSES,
	RESTORE_UPDATE_KINDS
} from '../../domain/restores';
import type { RestoreRequest } from '../db/schema';
import { restoreFiltersSchema } from './input';
import type { listRestores, RestoreDetail, RestoreSummary } from './read';

/**
 * What /api/v1 answers about restore requests, with the zod schemas the OpenAPI document is
 * generated from (`api/openapi-restores.ts`). No internal ids but the backup's.
 */
const instant = z.iso.datetime();
const status = z.enum(RESTORE_STATUSES);
const text = z.string().nullable();

export const restoreNumberSchema = z
	.string()
	.meta({ description: 'RST-<year>-<5 digits>', examples: ['RST-2026-00042'] });

const dueBy = instant.nullable().meta({
	description:
		'The contractual deadline; null where the contract gives none, or until a needed quote is approved'
});

/** After filing: what the requester was told before sending (001 §4.5, 003 art. 5). */
export const restoreFiledSchema = z.strictObject({
	number: restoreNumberSchema,
	status,
	dueBy,
	stopsServer: z.boolean().meta({ description: 'The server is stopped during the operation' }),
	billable: z.boolean().meta({ description: 'Billed on top of the contract' }),
	needsQuote: z
		.boolean()
		.meta({ description: 'Planned on a quote the client approves before work starts' })
});

/** After a step: the request's state as it now stands. */
export const restoreStepSchema = restoreFiledSchema.extend({
	percent: z.number().int(),
	quoteAmountCents: z.number().int().nullable(),
	scheduledAt: instant.nullable()
});

const summaryFields = {
	number: restoreNumberSchema,
	status,
	scope: z.enum(RESTORE_SCOPES),
	target: z.string(),
	component: z
		.strictObject({ key: z.string(), name: z.string() })
		.nullable()
		.meta({ description: 'The machine backed up; null once it was deleted' }),
	pointKind: z.enum(['full', 'data_full', 'incremental']),
	pointAt: instant.meta({ description: 'The restore point: data after it is lost' }),
	requestedAt: instant,
	dueBy,
	deadlineState: z.enum(RESTORE_DEADLINE_STATES).nullable(),
	stopsServer: z.boolean(),
	billable: z.boolean(),
	needsQuote: z.boolean(),
	quoteAmountCents: z.number().int().nullable(),
	scheduledAt: instant.nullable(),
	percent: z.number().int(),
	completedAt: instant.nullable(),
	endedAt: instant.nullable()
};

export const restoreSummarySchema = z.strictObject(summaryFields);

export const restorePageSchema = z.strictObject({
	filters: restoreFiltersSchema,
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int(),
	items: z.array(restoreSummarySchema)
});

export const restoreDetailSchema = z.strictObject({
	...summaryFields,
	backupId: z.uuid().nullable(),
	note: text,
	requestedBy: text.meta({ description: 'The requester’s name; null when filed by a token' }),
	deadlineBasis: z
		.enum(['incremental', 'full'])
		.nullable()
		.meta({ description: '000 §1.8: one of the last incrementals, or a full restore' }),
	withinHours: z.number().nullable(),
	clockStartedAt: instant.nullable(),
	quoteNote: text,
	quotedAt: instant.nullable(),
	quoteDecidedAt: instant.nullable(),
	acceptedAt: instant.nullable(),
	verification: text,
	failureReason: text,
	updates: z.array(
		z.strictObject({
			at: instant,
			kind: z.enum(RESTORE_UPDATE_KINDS),
			message: text,
			data: z.record(z.string(), z.unknown()).nullable(),
			author: text
		})
	)
});

export const restoreFiledView = (r: RestoreRequest): z.infer<typeof restoreFiledSchema> => ({
	number: r.number,
	status: r.status,
	dueBy: r.dueBy?.toISOString() ?? null,
	stopsServer: r.stopsServer,
	billable: r.billable,
	needsQuote: r.needsQuote
});

export const restoreStepView = (r: RestoreRequest): z.infer<typeof restoreStepSchema> => ({
	...restoreFiledView(r),
	percent: r.percent,
	quoteAmountCents: r.quoteAmountCents,
	scheduledAt: r.scheduledAt?.toISOString() ?? null
});

export const restoreSummaryView = (s: RestoreSummary): z.infer<typeof restoreSummarySchema> => ({
	number: s.number,
	status: s.status,
	scope: s.scope,
	target: s.target,
	component:
		s.componentKey && s.componentName ? { key: s.componentKey, name: s.componentName } : null,
	pointKind: s.pointKind as 'full' | 'data_full' | 'incremental',
	pointAt: s.pointAt,
	requestedAt: s.requestedAt,
	dueBy: s.dueBy,
	deadlineState: s.deadlineState,
	stopsServer: s.stopsServer,
	billable: s.billable,
	needsQuote: s.needsQuote,
	quoteAmountCents: s.quoteAmountCents,
	scheduledAt: s.scheduledAt,
	percent: s.percent,
	completedAt: s.completedAt,
	endedAt: s.endedAt
});

export const restorePageView = (
	p: Awaited<ReturnType<typeof listRestores>>
): z.infer<typeof restorePageSchema> => ({
	filters: p.filters,
	total: p.total,
	page: p.page,
	pageSize: p.pageSize,
	items: p.items.map(restoreSummaryView)
});

export const restoreDetailView = (d: RestoreDetail): z.infer<typeof restoreDetailSchema> => ({
	...restoreSummaryView(d),
	backupId: d.backupId,
	note: d.note,
	requestedBy: d.requestedBy,
	deadlineBasis: d.deadlineBasis,
	withinHours: d.withinHours,
	clockStartedAt: d.clockStartedAt,
	quoteNote: d.quoteNote,
	quotedAt: d.quotedAt,
	quoteDecidedAt: d.quoteDecidedAt,
	acceptedAt: d.acceptedAt,
	verification: d.verification,
	failureReason: d.failureReason,
	updates: d.updates.map((u) => ({
		at: u.at,
		kind: u.kind,
		message: u.message,
		data: u.data,
		author: u.author
	}))
});
