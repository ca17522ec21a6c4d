import type postgres from 'postgres';
import type { MetricPoint } from '$lib/live/events';
import { pgArray } from '../db/pg-array';
import type { SampleStatus } from '../db/schema';
import {
	METRICS,
	ROLLUP_AGGREGATES,
	ROLLUP_AVERAGES,
	ROLLUP_COLUMNS,
	ROLLUP_MERGE,
	SAMPLE_AGGREGATES,
	sampleColumnType
} from './metrics-sql';
import type { ResolvedSample } from './samples-input';

const metricColumns = METRICS.map(([, c]) => c.sample);
const types = ['int4', 'int8', 'text', ...metricColumns.map(sampleColumnType)];
const counts = ['up', 'degraded', 'down']
	.map((s) => `(count(*) filter (where status = '${s}'))::int as ${s}_count`)
	.join(', ');

/**
 * One prepared statement per batch: the raw samples (each column an array parameter), their
 * minute buckets, the hour and day buckets summed from those, and what the timeline rebuild needs
 * of each component: the instants stored, the last sample before them and whether any stored
 * sample already lay at or after the first (all read from the snapshot before the insert), and the
 * newest minute bucket, the live chart's point.
 */
const INSERT_BATCH = `
	with ins as (
		insert into sample (component_id, at, status, ${metricColumns.join(', ')})
		select ($1::uuid[])[component], timestamptz 'epoch' + at_ms * interval '1 millisecond', status,
			${metricColumns.join(', ')}
		from unnest(${types.map((t, i) => `$${i + 2}::${t}[]`).join(', ')})
			as x(component, at_ms, status, ${metricColumns.join(', ')})
		on conflict do nothing
		returning *
	), minutes as (
		select component_id, 'minute' as resolution, date_trunc('minute', at, 'UTC') as bucket,
			count(*)::int as samples, ${counts}, ${SAMPLE_AGGREGATES}
		from ins group by component_id, date_trunc('minute', at, 'UTC')
	), rolled as (
		insert into metric_rollup (${ROLLUP_COLUMNS})
		select * from minutes
		union all
		select component_id, res, date_trunc(res, bucket, 'UTC'), sum(samples), sum(up_count),
			sum(degraded_count), sum(down_count), ${ROLLUP_AGGREGATES}
		from minutes cross join unnest(array['hour', 'day']) as res
		group by component_id, res, date_trunc(res, bucket, 'UTC')
		on conflict (component_id, resolution, bucket) do update set ${ROLLUP_MERGE}
		returning component_id, resolution, bucket, ${ROLLUP_AVERAGES}
	), touched as (
		select component_id, count(*)::int as n, min(at) as min_at, max(at) as max_at
		from ins group by component_id
	)
	select t.component_id, t.n, t.min_at, t.max_at, prev.at as start_at, prev.status as start_status,
		coalesce(last.at >= t.min_at, false) as later,
		r.bucket, ${METRICS.map(([name]) => `r."${name}"`).join(', ')}
	from touched t
	left join lateral (
		select at from sample s where s.component_id = t.component_id order by at desc limit 1
	) last on true
	left join lateral (
		select at, status from sample s where s.component_id = t.component_id and s.at < t.min_at
		order by at desc limit 1
	) prev on true
	left join rolled r on r.component_id = t.component_id and r.resolution = 'minute'
		and r.bucket = date_trunc('minute', t.max_at, 'UTC')`;

export type InsertedRow = {
	component_id: string;
	n: number;
	min_at: string;
	max_at: string;
	/** The last sample stored before this batch's first, where the rebuild starts. */
	start_at: string | null;
	start_status: SampleStatus | null;
	/** Some sample was stored at or after this batch's first before it came. */
	later: boolean;
	bucket: string;
} & Omit<MetricPoint, 'at'>;

/** Inserts a batch without two samples of one component at one instant; one row per component that got any. */
export async function insertBatch(
	sql: postgres.TransactionSql,
	samples: ResolvedSample[]
): Promise<InsertedRow[]> {
	// Each sample names its component by position in a list of the batch's few: a uuid per row
	// was a third of the bytes sent. Instants go as epoch milliseconds, a fifth of the cost of
	// toISOString.
	const ids: string[] = [];
	const position = new Map<string, number>();
	const component = samples.map((s) => {
		let at = position.get(s.componentId);
		if (at === undefined) position.set(s.componentId, (at = ids.push(s.componentId)));
		return at;
	});
	const params = [
		pgArray(ids),
		pgArray(component),
		pgArray(samples.map((s) => s.at.getTime())),
		pgArray(samples.map((s) => s.status)),
		...METRICS.map(([name]) => pgArray(samples.map((s) => s[name])))
	];
	return (await sql.unsafe(INSERT_BATCH, params, { prepare: true })) as unknown as InsertedRow[];
}
