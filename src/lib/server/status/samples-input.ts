import { z } from 'zod';
import { METRIC_NAMES, type MetricName } from '$lib/domain/status';
import { m } from '$lib/paraglide/messages';
import { SAMPLE_STATUSES, type SampleStatus } from '../db/schema';
import { ServiceError, invalid } from '../errors';
import {
	KEY_PATTERN,
	SLUG_PATTERN,
	canonicalInstant,
	instantSchema,
	keySchema,
	slugSchema
} from '../validation';

export const MAX_SAMPLES_PER_BATCH = 5000;
export const MAX_FUTURE_MS = 5 * 60_000;
export const RAW_RETENTION_DAYS = Number(process.env.SAMPLE_RETENTION_DAYS ?? 31);

/**
 * Metrics are stored as PostgreSQL `real`: each has a documented ceiling far below its overflow
 * (and below what a minute's rollup sum can reach), and a value too small for `real` counts as 0
 * (`storedMetric`).
 */
const METRIC_MAX: Record<MetricName, number> = {
	latencyMs: 3_600_000,
	cpuPct: 100,
	ramPct: 100,
	diskPct: 100,
	netInBps: 1e13,
	netOutBps: 1e13,
	load1: 1e6,
	iowaitPct: 100
};
const metric = (name: MetricName, description: string) =>
	z
		.number()
		.min(0)
		.max(METRIC_MAX[name])
		.meta({ description: `${description}, 0 to ${METRIC_MAX[name]}` });
const storedMetric = (v: number | undefined) => (v !== undefined && v < 1e-6 ? 0 : v);

export const sampleItemSchema = z
	.object({
		client: slugSchema,
		component: keySchema,
		at: instantSchema.meta({
			description:
				'At most 5 minutes ahead, and no older than the raw retention (SAMPLE_RETENTION_DAYS, default 31)'
		}),
		status: z.enum(SAMPLE_STATUSES),
		latencyMs: metric('latencyMs', 'Milliseconds').optional(),
		cpuPct: metric('cpuPct', 'Percent').optional(),
		ramPct: metric('ramPct', 'Percent').optional(),
		diskPct: metric('diskPct', 'Percent').optional(),
		netInBps: metric('netInBps', 'Bytes per second').optional(),
		netOutBps: metric('netOutBps', 'Bytes per second').optional(),
		load1: metric('load1', 'Load average').optional(),
		iowaitPct: metric('iowaitPct', 'Percent').optional()
	})
	.strict();

export type SampleItem = z.infer<typeof sampleItemSchema>;

/**
 * A whole batch as the OpenAPI document describes it. parseSampleBatch checks the envelope and the
 * size first, then each item with sampleItemSchema on its own, so every failing index is reported.
 */
export const sampleBatchSchema = z.object({
	samples: z.array(sampleItemSchema).min(1).max(MAX_SAMPLES_PER_BATCH)
});

export interface SampleMetrics {
	latencyMs?: number;
	cpuPct?: number;
	ramPct?: number;
	diskPct?: number;
	netInBps?: number;
	netOutBps?: number;
	load1?: number;
	iowaitPct?: number;
}

/** What one sample says, whichever way it names its component. */
export interface SampleReading extends SampleMetrics {
	at: Date;
	status: SampleStatus;
}

/** A sample whose component is known: what probes and the simulator store. */
export interface ResolvedSample extends SampleReading {
	componentId: string;
}

export interface ItemIssue {
	index: number;
	fields: Record<string, string>;
}

export const invalidItems = (issues: ItemIssue[]) =>
	new ServiceError('invalid', 422, m.samples_invalid({ count: issues.length }), {
		items: issues.sort((a, b) => a.index - b.index).slice(0, 100)
	});

/** An item that passed: its instant parsed, its metrics as stored. */
export interface ParsedSample extends SampleReading {
	index: number;
	client: string;
	component: string;
}

const ITEM_KEYS = new Set(Object.keys(sampleItemSchema.shape));
const STATUSES = new Set<unknown>(SAMPLE_STATUSES);

/**
 * The common item, already in canonical form, checked without zod (whose per-item cost is most
 * of a batch's validation): it returns the item and its instant only where sampleItemSchema
 * accepts the value as it is (samples-input.test.ts holds the two to that), and undefined for
 * everything else, which sampleItemSchema then parses or refuses field by field.
 */
export function canonicalItem(value: unknown): { item: SampleItem; at: number } | undefined {
	if (
		typeof value !== 'object' ||
		value === null ||
		Object.getPrototypeOf(value) !== Object.prototype
	)
		return undefined;
	const item = value as Record<string, unknown>;
	for (const key in item) if (!ITEM_KEYS.has(key)) return undefined;
	const { client, component, at, status } = item;
	if (typeof client !== 'string' || !SLUG_PATTERN.test(client)) return undefined;
	if (typeof component !== 'string' || !KEY_PATTERN.test(component)) return undefined;
	if (!STATUSES.has(status)) return undefined;
	for (const name of METRIC_NAMES) {
		const v = item[name];
		if (v !== undefined && !(typeof v === 'number' && v >= 0 && v <= METRIC_MAX[name]))
			return undefined;
	}
	const ms = typeof at === 'string' ? canonicalInstant(at) : NaN;
	return Number.isNaN(ms) ? undefined : { item: item as SampleItem, at: ms };
}

/**
 * Checks the envelope (throws) and every item (collects): a batch is stored whole or not at
 * all, so the caller reports every failing index at once.
 */
export function parseSampleBatch(
	body: unknown,
	now: Date
): { items: ParsedSample[]; issues: ItemIssue[] } {
	const envelope = z.object({ samples: z.array(z.unknown()) }).safeParse(body);
	if (!envelope.success) throw invalid(m.samples_envelope(), { samples: m.samples_envelope() });
	const raw = envelope.data.samples;
	if (raw.length === 0) throw invalid(m.samples_empty(), { samples: m.samples_empty() });
	if (raw.length > MAX_SAMPLES_PER_BATCH) {
		throw invalid(m.samples_too_many({ max: MAX_SAMPLES_PER_BATCH }), {
			samples: m.samples_too_many({ max: MAX_SAMPLES_PER_BATCH })
		});
	}
	const oldest = now.getTime() - RAW_RETENTION_DAYS * 86_400_000;
	const latest = now.getTime() + MAX_FUTURE_MS;
	const items: ParsedSample[] = [];
	const issues: ItemIssue[] = [];
	raw.forEach((value, index) => {
		let checked = canonicalItem(value);
		if (!checked) {
			const parsed = sampleItemSchema.safeParse(value);
			if (!parsed.success) {
				const fields: Record<string, string> = {};
				for (const issue of parsed.error.issues)
					fields[String(issue.path[0] ?? '_')] ??= m.validation_invalid();
				issues.push({ index, fields });
				return;
			}
			checked = { item: parsed.data, at: Date.parse(parsed.data.at) };
		}
		const { item, at } = checked;
		if (at > latest) issues.push({ index, fields: { at: m.samples_future() } });
		else if (at < oldest)
			issues.push({ index, fields: { at: m.samples_too_old({ days: RAW_RETENTION_DAYS }) } });
		else
			items.push({
				index,
				client: item.client,
				component: item.component,
				at: new Date(at),
				status: item.status,
				latencyMs: storedMetric(item.latencyMs),
				cpuPct: storedMetric(item.cpuPct),
				ramPct: storedMetric(item.ramPct),
				diskPct: storedMetric(item.diskPct),
				netInBps: storedMetric(item.netInBps),
				netOutBps: storedMetric(item.netOutBps),
				load1: storedMetric(item.load1),
				iowaitPct: storedMetric(item.iowaitPct)
			});
	});
	return { items, issues };
}
