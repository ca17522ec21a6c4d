import { z } from 'zod';
import {
	INCIDENT_CAUSES,
	INCIDENT_QUALIFICATIONS,
	INCIDENT_SEVERITIES,
	INCIDENT_SOURCES,
	INCIDENT_STATUSES,
	INCIDENT_UPDATE_KINDS,
	type Incident
} from '../db/schema';
import { DEADLINE_STATES } from './deadlines';
import { listFiltersSchema } from './input';
import type { IncidentDetail, IncidentSummary, listIncidents } from './read';

/**
 * What /api/v1 answers about incident reports: each view with the zod schema the OpenAPI
 * document is generated from (`api/openapi-incidents.ts`). No internal ids.
 */
const instant = z.iso.datetime();
const severity = z.enum(INCIDENT_SEVERITIES);
const status = z.enum(INCIDENT_STATUSES);
const deadlineState = z.enum(DEADLINE_STATES);

export const incidentNumberSchema = z
	.string()
	.meta({ description: 'INC-<year>-<5 digits>', examples: ['INC-2026-00042'] });

/** After a write: the report's number, state and deadlines. */
export const incidentWriteSchema = z.strictObject({
	number: incidentNumberSchema,
	severity,
	status,
	title: z.string(),
	reportedAt: instant,
	acknowledgeBy: instant,
	resolveBy: instant,
	acknowledgedAt: instant.nullable(),
	resolvedAt: instant.nullable()
});

const summaryFields = {
	number: incidentNumberSchema,
	severity,
	title: z.string(),
	status,
	source: z.enum(INCIDENT_SOURCES),
	reportedAt: instant,
	acknowledgeBy: instant,
	resolveBy: instant,
	acknowledgedAt: instant.nullable(),
	resolvedAt: instant.nullable(),
	acknowledgeState: deadlineState,
	resolveState: deadlineState,
	standbyServerDue: z
		.boolean()
		.meta({ description: 'Unresolved beyond the contract’s limit: a standby server is due' })
};

export const incidentSummarySchema = z.strictObject(summaryFields);

/** One register page: the filters as understood (invalid ones are dropped), 20 reports a page. */
export const incidentPageSchema = z.strictObject({
	filters: listFiltersSchema,
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int(),
	items: z.array(incidentSummarySchema)
});

const text = z.string().nullable();

export const incidentDetailSchema = z.strictObject({
	...summaryFields,
	clientSlug: z.string(),
	clientName: z.string(),
	description: z.string(),
	estimatedNature: text,
	estimatedResolution: text,
	qualification: z.enum(INCIDENT_QUALIFICATIONS).nullable(),
	cause: z.enum(INCIDENT_CAUSES).nullable(),
	resolutionSummary: text,
	closedAt: instant.nullable(),
	reporter: text.meta({
		description: 'The reporter’s name; null when filed by a token or monitoring'
	}),
	components: z.array(z.strictObject({ key: z.string(), name: z.string() })),
	gtr: z
		.strictObject({
			restoreBy: instant,
			lateMinutes: z.number().int(),
			percent: z.number(),
			amountCents: z.number().int(),
			running: z.boolean(),
			excused: z.boolean()
		})
		.nullable()
		.meta({ description: 'The restoration-time guarantee, where the contract has one' }),
	reopenUntil: instant.nullable(),
	updates: z.array(
		z.strictObject({
			at: instant,
			kind: z.enum(INCIDENT_UPDATE_KINDS),
			message: text,
			internal: z
				.boolean()
				.meta({ description: 'A staff note; only provider-side callers see them' }),
			data: z.record(z.string(), z.unknown()).nullable(),
			author: text
		})
	)
});

export const incidentWriteView = (i: Incident): z.infer<typeof incidentWriteSchema> => ({
	number: i.number,
	severity: i.severity,
	status: i.status,
	title: i.title,
	reportedAt: i.reportedAt.toISOString(),
	acknowledgeBy: i.acknowledgeBy.toISOString(),
	resolveBy: i.resolveBy.toISOString(),
	acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
	resolvedAt: i.resolvedAt?.toISOString() ?? null
});

export const incidentSummaryView = (s: IncidentSummary): z.infer<typeof incidentSummarySchema> => ({
	number: s.number,
	severity: s.severity,
	title: s.title,
	status: s.status,
	source: s.source,
	reportedAt: s.reportedAt,
	acknowledgeBy: s.acknowledgeBy,
	resolveBy: s.resolveBy,
	acknowledgedAt: s.acknowledgedAt,
	resolvedAt: s.resolvedAt,
	acknowledgeState: s.acknowledgeState,
	resolveState: s.resolveState,
	standbyServerDue: s.standbyServerDue
});

export const incidentPageView = (
	p: Awaited<ReturnType<typeof listIncidents>>
): z.infer<typeof incidentPageSchema> => ({
	filters: p.filters,
	total: p.total,
	page: p.page,
	pageSize: p.pageSize,
	items: p.items.map(incidentSummaryView)
});

export const incidentDetailView = (d: IncidentDetail): z.infer<typeof incidentDetailSchema> => ({
	...incidentSummaryView(d),
	clientSlug: d.clientSlug,
	clientName: d.clientName,
	description: d.description,
	estimatedNature: d.estimatedNature,
	estimatedResolution: d.estimatedResolution,
	qualification: d.qualification,
	cause: d.cause,
	resolutionSummary: d.resolutionSummary,
	closedAt: d.closedAt,
	reporter: d.reporter,
	components: d.components.map((c) => ({ key: c.key, name: c.name })),
	gtr: d.gtr && {
		restoreBy: d.gtr.restoreBy,
		lateMinutes: d.gtr.lateMinutes,
		percent: d.gtr.percent,
		amountCents: d.gtr.amountCents,
		running: d.gtr.running,
		excused: d.gtr.excused
	},
	reopenUntil: d.reopenUntil,
	updates: d.updates.map((u) => ({
		at: u.at,
		kind: u.kind,
		message: u.message,
		internal: u.internal,
		data: u.data,
		author: u.author
	}))
});
