import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { SAMPLE_STATUSES, type SampleStatus } from '../db/schema';
import { ServiceError, invalid } from '../errors';
import { keySchema, slugSchema, instantSchema } from '../validation';

export const MAX_SAMPLES_PER_BATCH = 5000;
export const MAX_FUTURE_MS = 5 * 60_000;
export const RAW_RETENTION_DAYS = Number(process.env.SAMPLE_RETENTION_DAYS ?? 31);

/**
 * Metrics are stored as PostgreSQL `real`: each has a documented ceiling far below its overflow
 * (and below what a minute's rollup sum can reach), and a value too small for `real` counts as 0.
 */
const metric = (max: number, description: string) =>
	z
		.number()
		.min(0)
		.max(max)
		.transform((v) => (v < 1e-6 ? 0 : v))
		.meta({ description: `${description}, 0 to ${max}` });
const percent = metric(100, 'Percent');

export const sampleItemSchema = z
	.object({
		client: slugSchema,
		component: keySchema,
		at: instantSchema.meta({
			description:
				'At most 5 minutes ahead, and no older than the raw retention (SAMPLE_RETENTION_DAYS, default 31)'
		}),
		status: z.enum(SAMPLE_STATUSES),
		latencyMs: metric(3_600_000, 'Milliseconds').optional(),
		cpuPct: percent.optional(),
		ramPct: percent.optional(),
		diskPct: percent.optional(),
		netInBps: metric(1e13, 'Bytes per second').optional(),
		netOutBps: metric(1e13, 'Bytes per second').optional(),
		load1: metric(1e6, 'Load average').optional(),
		iowaitPct: percent.optional()
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

/** A sample whose component is known: what the store writes. */
export interface ResolvedSample extends SampleMetrics {
	componentId: string;
	at: Date;
	status: SampleStatus;
}

export interface ItemIssue {
	index: number;
	fields: Record<string, string>;
}

export const invalidItems = (issues: ItemIssue[]) =>
	new ServiceError('invalid', 422, m.samples_invalid({ count: issues.length }), {
		items: issues.sort((a, b) => a.index - b.index).slice(0, 100)
	});

/**
 * Checks the envelope (throws) and every item (collects): a batch is stored whole or not at
 * all, so the caller reports every failing index at once.
 */
export function parseSampleBatch(
	body: unknown,
	now: Date
): { items: { index: number; item: SampleItem }[]; issues: ItemIssue[] } {
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
	const items: { index: number; item: SampleItem }[] = [];
	const issues: ItemIssue[] = [];
	raw.forEach((value, index) => {
		const parsed = sampleItemSchema.safeParse(value);
		if (!parsed.success) {
			const fields: Record<string, string> = {};
			for (const issue of parsed.error.issues)
				fields[String(issue.path[0] ?? '_')] ??= m.validation_invalid();
			issues.push({ index, fields });
			return;
		}
		const at = Date.parse(parsed.data.at);
		if (at > latest) issues.push({ index, fields: { at: m.samples_future() } });
		else if (at < oldest)
			issues.push({ index, fields: { at: m.samples_too_old({ days: RAW_RETENTION_DAYS }) } });
		else items.push({ index, item: parsed.data });
	});
	return { items, issues };
}
