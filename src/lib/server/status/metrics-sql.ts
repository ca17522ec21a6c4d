import { sql, type SQL } from 'drizzle-orm';
import type { MetricName } from '$lib/live/events';

/** Each metric's sample column and its rollup columns (`<prefix>_sum`, `<prefix>_count`). */
export const METRIC_COLUMNS: Record<MetricName, { sample: string; rollup: string }> = {
	latencyMs: { sample: 'latency_ms', rollup: 'latency' },
	cpuPct: { sample: 'cpu_pct', rollup: 'cpu' },
	ramPct: { sample: 'ram_pct', rollup: 'ram' },
	diskPct: { sample: 'disk_pct', rollup: 'disk' },
	netInBps: { sample: 'net_in_bps', rollup: 'net_in' },
	netOutBps: { sample: 'net_out_bps', rollup: 'net_out' },
	load1: { sample: 'load1', rollup: 'load' },
	iowaitPct: { sample: 'iowait_pct', rollup: 'iowait' }
};

const metrics = Object.entries(METRIC_COLUMNS) as [
	MetricName,
	{ sample: string; rollup: string }
][];

const join = (parts: SQL[]) => sql.join(parts, sql`, `);

export const rollupAggregateColumns = join(
	metrics.flatMap(([, c]) => [sql.raw(`${c.rollup}_sum`), sql.raw(`${c.rollup}_count`)])
);

/** sum and count of each metric over a set of samples. */
export const rollupAggregates = join(
	metrics.flatMap(([, c]) => [
		sql.raw(`coalesce(sum(${c.sample}), 0)`),
		sql.raw(`count(${c.sample})`)
	])
);

/** Adds a late batch's sums and counts to the bucket it falls in. */
export const rollupMerge = join(
	metrics.flatMap(([, c]) =>
		[`${c.rollup}_sum`, `${c.rollup}_count`].map((col) =>
			sql.raw(`${col} = metric_rollup.${col} + excluded.${col}`)
		)
	)
);

/** A bucket's averages, named by metric, null where nothing reported it. */
export const rollupAverages = join(
	metrics.map(([name, c]) =>
		sql.raw(
			`case when ${c.rollup}_count > 0 then ${c.rollup}_sum / ${c.rollup}_count end as "${name}"`
		)
	)
);

export const sampleMetricColumns = join(metrics.map(([, c]) => sql.raw(c.sample)));

/** The record type jsonb_to_recordset reads a batch with. */
export const sampleRecordType = sql.raw(
	`component_id uuid, at timestamptz, status text, ${metrics
		.map(([, c]) => `${c.sample} ${c.sample.includes('net_') ? 'float8' : 'real'}`)
		.join(', ')}`
);
