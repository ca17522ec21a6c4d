import { sql } from 'drizzle-orm';
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

export const METRICS = Object.entries(METRIC_COLUMNS) as [
	MetricName,
	{ sample: string; rollup: string }
][];

/** The SQL type of each metric's sample column. */
export const sampleColumnType = (column: string) => (column.startsWith('net_') ? 'float8' : 'real');

const rollupColumns = METRICS.flatMap(([, c]) => [`${c.rollup}_sum`, `${c.rollup}_count`]);

/** Every column of a rollup row, in table order. */
export const ROLLUP_COLUMNS = [
	'component_id',
	'resolution',
	'bucket',
	'samples',
	'up_count',
	'degraded_count',
	'down_count',
	...rollupColumns
].join(', ');

/** sum and count of each metric over sample rows, named as the rollup's columns. */
export const SAMPLE_AGGREGATES = METRICS.map(
	([, c]) =>
		`coalesce(sum(${c.sample}), 0) as ${c.rollup}_sum, count(${c.sample})::int as ${c.rollup}_count`
).join(', ');

/** The same over rollup rows: a coarser bucket is the sum of the finer ones it holds. */
export const ROLLUP_AGGREGATES = rollupColumns.map((col) => `sum(${col})`).join(', ');

/** Adds a batch's sums and counts to the bucket it falls in. */
export const ROLLUP_MERGE = [
	'samples',
	'up_count',
	'degraded_count',
	'down_count',
	...rollupColumns
]
	.map((col) => `${col} = metric_rollup.${col} + excluded.${col}`)
	.join(', ');

/** A bucket's averages, named by metric, null where nothing reported it. */
export const ROLLUP_AVERAGES = METRICS.map(
	([name, c]) =>
		`case when ${c.rollup}_count > 0 then ${c.rollup}_sum / ${c.rollup}_count end as "${name}"`
).join(', ');

export const rollupAverages = sql.raw(ROLLUP_AVERAGES);
