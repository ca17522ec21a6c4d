import { z } from 'zod';
import { displayStatus } from '$lib/monitoring';
import { DISPLAY_STATUSES } from '$lib/domain/status';
import { ROLLUP_RESOLUTIONS } from '../db/schema';
import type { getClientStatus, getMetricSeries } from './read';
import type { StoreResult } from './store';

/**
 * What /api/v1 answers about monitoring: each view with the zod schema the OpenAPI document is
 * generated from (`api/openapi-monitoring.ts`).
 */
const instant = z.iso.datetime();
const status = z
	.enum(DISPLAY_STATUSES)
	.meta({ description: '`maintenance` while a planned window is under way' });

export const ingestResultSchema = z.strictObject({
	accepted: z.number().int().meta({ description: 'Samples stored' }),
	duplicates: z
		.number()
		.int()
		.meta({ description: 'Samples already stored for the same (component, at)' })
});

export const clientStatusSchema = z.strictObject({
	overall: status.meta({ description: 'The worst component state' }),
	components: z.array(
		z.strictObject({
			key: z.string(),
			name: z.string(),
			status,
			since: instant
				.nullable()
				.meta({ description: 'Start of the current state; null before any sample' })
		})
	)
});

const average = z
	.number()
	.nullable()
	.meta({ description: 'Average over the bucket; null where nothing reported it' });

export const metricSeriesSchema = z.strictObject({
	component: z.string(),
	resolution: z.enum(ROLLUP_RESOLUTIONS),
	from: instant,
	to: instant,
	points: z.array(
		z.strictObject({
			at: instant.meta({ description: 'Start of the bucket' }),
			latencyMs: average,
			cpuPct: average,
			ramPct: average,
			diskPct: average,
			netInBps: average,
			netOutBps: average,
			load1: average,
			iowaitPct: average
		})
	)
});

export const ingestResultView = (r: StoreResult): z.infer<typeof ingestResultSchema> => ({
	accepted: r.accepted,
	duplicates: r.duplicates
});

export const clientStatusView = (
	s: Awaited<ReturnType<typeof getClientStatus>>
): z.infer<typeof clientStatusSchema> => ({
	overall: s.overall,
	components: s.components.map((c) => ({
		key: c.key,
		name: c.name,
		status: displayStatus(c),
		since: c.since
	}))
});

export const metricSeriesView = (
	s: Awaited<ReturnType<typeof getMetricSeries>>
): z.infer<typeof metricSeriesSchema> => ({
	component: s.component,
	resolution: s.resolution,
	from: s.from,
	to: s.to,
	points: s.points.map((p) => ({
		at: p.at,
		latencyMs: p.latencyMs,
		cpuPct: p.cpuPct,
		ramPct: p.ramPct,
		diskPct: p.diskPct,
		netInBps: p.netInBps,
		netOutBps: p.netOutBps,
		load1: p.load1,
		iowaitPct: p.iowaitPct
	}))
});
