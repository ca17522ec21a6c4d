import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { startOfDate } from '../calendar/zoned';
import { invalid } from '../errors';
import { instantSchema, isoDateSchema, keySchema, parseInput } from '../validation';
import { MAINTENANCE_KINDS } from './compliance';
import { MAINTENANCE_STATES } from './lifecycle';

/** Bounds of a window (issue 11 "bad input"): at most 7 days long, starting at most 2 years ahead. */
const MAX_DURATION_MS = 7 * 86_400_000;
const MAX_LEAD_MS = 2 * 366 * 86_400_000;
/** A list page holds at most this many windows; `next` continues after the last. */
export const MAX_PAGE = 1000;

const components = z.array(keySchema).min(1).max(100);
const title = z.string().trim().min(3).max(200);
const description = z.string().trim().max(5000);
const kind = z
	.enum(MAINTENANCE_KINDS)
	.meta({ description: 'network = works on the network (001 §5.5: notice in calendar days)' });

export const maintenanceSchema = z.object({
	components,
	start: instantSchema,
	end: instantSchema,
	title,
	kind: kind
		.optional()
		.meta({ description: 'Default: network where the contract sets no business-hour notice' }),
	description: description.optional(),
	publish: z
		.boolean()
		.optional()
		.meta({ description: 'Default true; false saves a draft that only staff see' }),
	announcedAt: instantSchema
		.optional()
		.meta({ description: 'Default now; may be past for an imported notice, never future' }),
	approvedAt: instantSchema
		.optional()
		.meta({ description: 'The client’s recorded agreement, where the contract requires it' }),
	rrule: z.string().max(500).optional().meta({
		description:
			'RFC 5545 RRULE value (e.g. FREQ=MONTHLY;BYDAY=1TU), DTSTART = start on the client’s wall clock (22:00 stays 22:00 across DST); start must be an occurrence. Each occurrence is its own window, expanded 12 months ahead, at most 50'
	}),
	exdates: z
		.array(z.union([isoDateSchema, instantSchema]))
		.max(100)
		.optional()
		.meta({ description: 'EXDATE: local dates or occurrence instants to skip' })
});

export const maintenancePatchSchema = z.strictObject({
	components: components.optional(),
	start: instantSchema.optional(),
	end: instantSchema.optional(),
	title: title.optional(),
	kind: kind.optional(),
	description: description.nullable().optional(),
	publish: z
		.literal(true)
		.optional()
		.meta({ description: 'Publishes a draft: the notice runs from now' })
});

export const maintenanceCancelSchema = z.strictObject({
	reason: z.string().trim().min(3).max(1000)
});

export const maintenanceDecisionSchema = z.strictObject({
	comment: z.string().trim().min(1).max(2000).optional()
});

export const maintenanceRefusalSchema = z.strictObject({
	comment: z.string().trim().min(3).max(2000)
});

const instantOrDate = z
	.union([instantSchema, isoDateSchema])
	.meta({ description: 'ISO 8601 instant, or a date in the client’s time zone' });

export const maintenanceQuerySchema = z.object({
	from: instantOrDate.optional().meta({ description: 'Windows ending after this' }),
	to: instantOrDate
		.optional()
		.meta({ description: 'Windows starting before this (a date: through that day)' }),
	state: z.enum(MAINTENANCE_STATES).optional(),
	limit: z.coerce
		.number()
		.int()
		.min(1)
		.max(MAX_PAGE)
		.optional()
		.meta({ description: `Items per page, at most ${MAX_PAGE} (the default)` }),
	cursor: z
		.string()
		.regex(/^\d{13}_[0-9a-f-]{36}$/)
		.optional()
		.meta({ description: 'The `next` of the previous page' })
});

/** The cursor after a window: its start (ms) and id, the list's order. */
export const cursorAfter = (w: { startAt: Date; id: string }) =>
	`${String(w.startAt.getTime()).padStart(13, '0')}_${w.id}`;
export const parseCursor = (cursor: string) => {
	const [ms, id] = cursor.split('_');
	return { start: new Date(Number(ms)), id };
};

const messages = {
	components: () => m.incident_invalid_components(),
	title: () => m.incident_invalid_title(),
	reason: () => m.maintenance_invalid_reason(),
	comment: () => m.maintenance_invalid_reason(),
	from: () => m.maintenance_invalid_range(),
	to: () => m.maintenance_invalid_range(),
	rrule: () => m.maintenance_invalid_rrule(),
	exdates: () => m.maintenance_invalid_range(),
	limit: () => m.maintenance_invalid_range(),
	cursor: () => m.maintenance_invalid_range(),
	kind: () => m.maintenance_invalid_kind()
};

export const parseMaintenance = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> =>
	parseInput(schema, input, messages);

/** The latest start a window may have. */
export const latestStart = (now: Date) => new Date(now.getTime() + MAX_LEAD_MS);

/** The window's own bounds; throws a 422 naming `start` or `end`. */
export function checkWindow(start: Date, end: Date, now: Date): void {
	if (end <= start) throw invalid(m.form_has_errors(), { end: m.sla_window_invalid() });
	if (end.getTime() - start.getTime() > MAX_DURATION_MS)
		throw invalid(m.form_has_errors(), { end: m.maintenance_window_too_long() });
	if (start.getTime() - now.getTime() > MAX_LEAD_MS)
		throw invalid(m.form_has_errors(), { start: m.maintenance_start_too_far() });
}

/** `from`/`to` as instants: a date is its start in the client's zone, and `to` runs through that day. */
export function listRange(query: z.infer<typeof maintenanceQuerySchema>, timeZone: string) {
	const at = (value: string | undefined, nextDay: boolean) => {
		if (value === undefined) return null;
		if (value.includes('T')) return new Date(value);
		return startOfDate(nextDay ? nextDate(value) : value, timeZone);
	};
	const from = at(query.from, false);
	const to = at(query.to, true);
	if (from && to && from >= to)
		throw invalid(m.form_has_errors(), { to: m.maintenance_invalid_range() });
	return { from, to };
}

const nextDate = (date: string) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
