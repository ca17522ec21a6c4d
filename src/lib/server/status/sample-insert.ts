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
import { DELETE_FROM_START, PERIOD_COLUMNS, PERIOD_JOINS, type PeriodColumns } from './rebuild';
import type { SampleReading } from './samples-input';

const metricColumns = METRICS.map(([, c]) => c.sample);
const types = ['int4', 'int8', 'text', ...metricColumns.map(sampleColumnType)];
const counts = ['up', 'degraded', 'down']
	.map((s) => `(count(*) filter (where status = '${s}'))::int as ${s}_count`)
	.join(', ');

/** The batch's components: by id (probes, the simulator) or by client slug and key (agents). */
export type BatchComponents =
	{ ids: string[] } | { names: { client: string; component: string }[] };

/** Each way of naming the batch's components, as `components` (position, id). */
const COMPONENTS = {
	ids: `select position::int, id from unnest($1::uuid[]) with ordinality as c(id, position)`,
	names: `select p.position::int, c.id
		from unnest($1::text[], $2::text[]) with ordinality as p(client, key, position)
		join client cl on cl.slug = p.client
		join component c on c.client_id = cl.id and c.key = p.key`
};

/**
 * One prepared statement per batch: the raw samples (each column an array parameter), their
 * minute buckets, the hour and day buckets summed from those, and per component what the
 * timeline rebuild needs: the last sample before the batch's first new one (where the rebuild
 * starts), whether any stored sample already lay at or after that first one, the stored periods
 * at the start (those from it on are deleted), and the newest minute bucket, the live chart's
 * point. Every read sees the tables as they were before the statement.
 *
 * Duplicates are left out without ON CONFLICT, whose speculative insertion cost a fifth of the
 * insert: only a component with a stored sample at or after its first instant in the batch
 * (`stored`: one index probe each, from the first instants the caller found) has its samples
 * looked up one by one. That holds because every writer of samples (this statement) runs with
 * the batch's components locked (lockComponents in store.ts), and the batch has no instant
 * twice (firstPerInstant).
 */
const insertBatchSql = (components: string, first: number) => `
	with components as (${components}), stored as (
		select c.id as component_id
		from unnest($${first + 1}::int8[]) with ordinality as f(first_ms, position)
		join components c on c.position = f.position
		where exists (
			select from sample s where s.component_id = c.id
				and s.at >= timestamptz 'epoch' + ($${first}::int8 + f.first_ms) * interval '1 millisecond'
		)
	), ins as (
		insert into sample (component_id, at, status, ${metricColumns.join(', ')})
		select * from (
			select c.id as component_id,
				timestamptz 'epoch' + ($${first}::int8 + at_ms) * interval '1 millisecond' as at,
				status, ${metricColumns.join(', ')}
			from unnest(${types.map((t, i) => `$${i + first + 2}::${t}[]`).join(', ')})
				as x(position, at_ms, status, ${metricColumns.join(', ')})
			join components c using (position)
		) x
		where x.component_id not in (select component_id from stored)
			or not exists (select from sample s where s.component_id = x.component_id and s.at = x.at)
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
	), st as (
		select t.*, coalesce(prev.at, t.min_at) as start_at, prev.status as start_status,
			coalesce(last.at >= t.min_at, false) as later
		from (
			select component_id, count(*)::int as n, min(at) as min_at, max(at) as max_at
			from ins group by component_id
		) t
		left join lateral (
			select at from sample s where s.component_id = t.component_id order by at desc limit 1
		) last on true
		left join lateral (
			select at, status from sample s where s.component_id = t.component_id and s.at < t.min_at
			order by at desc limit 1
		) prev on true
	), gone as (${DELETE_FROM_START})
	select st.component_id, st.n, st.min_at, st.max_at, st.start_at, st.start_status, st.later,
		pt.bucket, ${METRICS.map(([name]) => `pt."${name}"`).join(', ')}, ${PERIOD_COLUMNS}
	from st
	left join rolled pt on pt.component_id = st.component_id and pt.resolution = 'minute'
		and pt.bucket = date_trunc('minute', st.max_at, 'UTC')
	${PERIOD_JOINS}`;
const INSERT_BATCH = {
	ids: insertBatchSql(COMPONENTS.ids, 2),
	names: insertBatchSql(COMPONENTS.names, 3)
};

export type InsertedRow = {
	component_id: string;
	n: number;
	min_at: string;
	max_at: string;
	/** The last sample stored before this batch's first new one, else that first one. */
	start_at: string;
	/** The status of that last sample; null when there was none. */
	start_status: SampleStatus | null;
	/** Some sample was stored at or after this batch's first new one before it came. */
	later: boolean;
	bucket: string;
} & Omit<MetricPoint, 'at'> &
	PeriodColumns;

/**
 * Inserts a batch without two samples of one component at one instant, each sample naming its
 * component by `position` (1-based) in `components`: a uuid per row was a third of the bytes
 * sent. Samples of a component not found are left out. One row per component that got any.
 */
export async function insertBatch<T extends SampleReading>(
	sql: postgres.TransactionSql,
	components: BatchComponents,
	samples: T[],
	position: (sample: T) => number
): Promise<InsertedRow[]> {
	const [query, named] =
		'ids' in components
			? [INSERT_BATCH.ids, [pgArray(components.ids)]]
			: [
					INSERT_BATCH.names,
					[
						pgArray(components.names.map((n) => n.client)),
						pgArray(components.names.map((n) => n.component))
					]
				];
	// Milliseconds after the batch's first instant: small integers, which become text several
	// times faster than epoch milliseconds (themselves a fifth of the cost of toISOString).
	const base = samples.reduce((min, s) => Math.min(min, s.at.getTime()), Infinity);
	// Each component's first instant, by position: where its duplicates could start.
	const firsts: number[] = [];
	for (const s of samples) {
		const p = position(s) - 1;
		const at = s.at.getTime() - base;
		if (!(firsts[p] <= at)) firsts[p] = at;
	}
	const params = [
		...named,
		base,
		pgArray(firsts),
		pgArray(samples.map(position)),
		pgArray(samples.map((s) => s.at.getTime() - base)),
		pgArray(samples.map((s) => s.status)),
		...METRICS.map(([name]) => pgArray(samples.map((s) => s[name])))
	];
	return (await sql.unsafe(query, params, { prepare: true })) as unknown as InsertedRow[];
}
