import { sql } from 'drizzle-orm';
import type { LiveEventPayloads, MetricPoint, StatusChange } from '$lib/live/events';
import { getDb, rowsOf, type Executor } from '../db';
import { appendEvents, type EventInput } from '../live/outbox';
import { refreshStatusDays } from './days';
import {
	METRIC_COLUMNS,
	rollupAggregateColumns,
	rollupAggregates,
	rollupAverages,
	rollupMerge,
	sampleMetricColumns,
	sampleRecordType
} from './metrics-sql';
import { toDate } from './pg-time';
import { rebuildTimelines, type RebuiltComponent } from './rebuild';
import type { ResolvedSample } from './samples-input';
import { MISSED_INTERVALS_BEFORE_UNKNOWN, staleAfterMs } from './timeline';

interface ComponentInfo {
	id: string;
	key: string;
	public: boolean;
	client_id: string;
	client_slug: string;
	timezone: string;
	interval_seconds: number;
}

export interface StoreResult {
	accepted: number;
	duplicates: number;
}

/**
 * Stores a batch in one transaction: raw samples (idempotent on component + instant),
 * minute/hour/day rollups, the rebuilt timelines and their day rows, and one live event
 * per client with a single NOTIFY.
 */
export async function storeSamples(
	samples: ResolvedSample[],
	now = new Date()
): Promise<StoreResult> {
	if (samples.length === 0) return { accepted: 0, duplicates: 0 };
	return getDb().transaction(async (tx) => {
		const ids = [...new Set(samples.map((s) => s.componentId))].sort();
		await lockComponents(tx, ids);
		const components = await componentInfo(tx, ids);
		const inserted = await insertBatch(tx, samples);
		const accepted = inserted.reduce((n, r) => n + r.n, 0);
		if (accepted === 0) return { accepted, duplicates: samples.length };

		await settleTimelines(
			tx,
			components,
			inserted.map((r) => ({
				componentId: r.component_id,
				minAt: toDate(r.min_at),
				latestAt: toDate(r.max_at)
			})),
			now
		);
		return { accepted, duplicates: samples.length - accepted };
	});
}

/**
 * After new samples (or a silence): rebuilds the timelines, their day rows, and appends one
 * event per client, plus one for the public room when a public component changed state.
 */
async function settleTimelines(
	tx: Executor,
	components: Map<string, ComponentInfo>,
	touched: { componentId: string; minAt: Date; latestAt: Date | null }[],
	now: Date
) {
	const rebuilt = await rebuildTimelines(
		tx,
		touched.map((t) => ({
			componentId: t.componentId,
			minAt: t.minAt,
			staleMs: staleAfterMs(components.get(t.componentId)?.interval_seconds ?? 60)
		})),
		now
	);
	await refreshStatusDays(
		tx,
		rebuilt.map((r) => ({
			componentId: r.componentId,
			from: r.startAt,
			timezone: components.get(r.componentId)?.timezone ?? 'UTC'
		})),
		now
	);
	const withPoints = touched.flatMap((t) =>
		t.latestAt ? [{ componentId: t.componentId, at: t.latestAt }] : []
	);
	const points = withPoints.length > 0 ? await latestPoints(tx, withPoints) : [];
	await appendEvents(tx, batchEvents(components, rebuilt, points));
}

/**
 * Components whose agent or probe fell silent for three expected intervals turn `unknown`
 * even though no sample arrives to say so: the scheduler calls this every few seconds.
 */
export async function sweepSilentComponents(now = new Date()): Promise<number> {
	const silent = rowsOf<{ component_id: string; last_at: string }>(
		await getDb().execute(sql`
			select i.component_id, (select max(s.at) from sample s where s.component_id = i.component_id) as last_at
			from status_interval i
			join component c on c.id = i.component_id
			left join probe p on p.component_id = c.id
			where i.to_at is null and i.status <> 'unknown'
				and not exists (
					select 1 from sample s where s.component_id = i.component_id
						and s.at >= ${now.toISOString()}::timestamptz
							- make_interval(secs => ${MISSED_INTERVALS_BEFORE_UNKNOWN} * coalesce(p.interval_seconds, c.expected_interval_seconds)))`)
	).filter((r) => r.last_at !== null);
	if (silent.length === 0) return 0;
	await getDb().transaction(async (tx) => {
		const ids = silent.map((r) => r.component_id).sort();
		await lockComponents(tx, ids);
		await settleTimelines(
			tx,
			await componentInfo(tx, ids),
			silent.map((r) => ({
				componentId: r.component_id,
				minAt: toDate(r.last_at),
				latestAt: null
			})),
			now
		);
	});
	return silent.length;
}

/** Batches touching the same component serialise; ids are locked in one order to avoid deadlocks. */
async function lockComponents(tx: Executor, sortedIds: string[]) {
	await tx.execute(sql`
		select pg_advisory_xact_lock(k) from (
			select hashtextextended(x, 7) as k from jsonb_array_elements_text(${JSON.stringify(sortedIds)}::jsonb) x order by 1
		) locks`);
}

async function componentInfo(tx: Executor, ids: string[]): Promise<Map<string, ComponentInfo>> {
	const found = rowsOf<ComponentInfo>(
		await tx.execute(sql`
			select c.id, c.key, c.public, cl.id as client_id, cl.slug as client_slug, cl.timezone,
				coalesce(p.interval_seconds, c.expected_interval_seconds) as interval_seconds
			from component c join client cl on cl.id = c.client_id
			left join probe p on p.component_id = c.id
			where c.id in (select (jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))::uuid)`)
	);
	return new Map(found.map((c) => [c.id, c]));
}

async function insertBatch(tx: Executor, samples: ResolvedSample[]) {
	const input = JSON.stringify(
		samples.map((s) => {
			const record: Record<string, unknown> = {
				component_id: s.componentId,
				at: s.at.toISOString(),
				status: s.status
			};
			for (const [name, column] of Object.entries(METRIC_COLUMNS))
				record[column.sample] = s[name as keyof typeof METRIC_COLUMNS] ?? null;
			return record;
		})
	);
	return rowsOf<{ component_id: string; min_at: string; max_at: string; n: number }>(
		await tx.execute(sql`
			with ins as (
				insert into sample (component_id, at, status, ${sampleMetricColumns})
				select * from jsonb_to_recordset(${input}::jsonb) as x(${sampleRecordType})
				on conflict do nothing
				returning *
			), rolled as (
				insert into metric_rollup (component_id, resolution, bucket, samples, up_count, degraded_count, down_count, ${rollupAggregateColumns})
				select component_id, res, date_trunc(res, at, 'UTC'), count(*),
					count(*) filter (where status = 'up'), count(*) filter (where status = 'degraded'),
					count(*) filter (where status = 'down'), ${rollupAggregates}
				from ins cross join unnest(array['minute', 'hour', 'day']) as res
				group by component_id, res, date_trunc(res, at, 'UTC')
				on conflict (component_id, resolution, bucket) do update set
					samples = metric_rollup.samples + excluded.samples,
					up_count = metric_rollup.up_count + excluded.up_count,
					degraded_count = metric_rollup.degraded_count + excluded.degraded_count,
					down_count = metric_rollup.down_count + excluded.down_count,
					${rollupMerge}
			)
			select component_id, min(at) as min_at, max(at) as max_at, count(*)::int as n
			from ins group by component_id`)
	);
}

type PointRow = { component_id: string; bucket: string } & Omit<MetricPoint, 'at'>;

/** The minute bucket holding each component's newest sample of the batch: the live chart's point. */
async function latestPoints(
	tx: Executor,
	latest: { componentId: string; at: Date }[]
): Promise<PointRow[]> {
	const input = JSON.stringify(
		latest.map((l) => ({ component_id: l.componentId, at: l.at.toISOString() }))
	);
	return rowsOf<PointRow>(
		await tx.execute(sql`
			select r.component_id, r.bucket, ${rollupAverages}
			from jsonb_to_recordset(${input}::jsonb) as l(component_id uuid, at timestamptz)
			cross join lateral (
				select * from metric_rollup
				where component_id = l.component_id and resolution = 'minute' and bucket = date_trunc('minute', l.at, 'UTC')
			) r`)
	);
}

function batchEvents(
	components: Map<string, ComponentInfo>,
	rebuilt: RebuiltComponent[],
	points: PointRow[]
): EventInput[] {
	const byClient = new Map<
		string,
		{ slug: string; changes: StatusChange[]; points: ({ key: string } & MetricPoint)[] }
	>();
	const forClient = (c: ComponentInfo) => {
		let entry = byClient.get(c.client_id);
		if (!entry)
			byClient.set(c.client_id, (entry = { slug: c.client_slug, changes: [], points: [] }));
		return entry;
	};
	const publicChanges: LiveEventPayloads['public.status']['changes'] = [];
	for (const r of rebuilt) {
		const c = components.get(r.componentId);
		const after = r.after;
		if (!c || !after || r.before?.status === after.status) continue;
		const change = { key: c.key, status: after.status, since: after.since.toISOString() };
		forClient(c).changes.push(change);
		if (c.public) publicChanges.push({ id: c.id, status: change.status, since: change.since });
	}
	for (const { component_id, bucket, ...metrics } of points) {
		const c = components.get(component_id);
		if (c) forClient(c).points.push({ key: c.key, at: toDate(bucket).toISOString(), ...metrics });
	}
	const events: EventInput[] = [...byClient]
		.filter(([, e]) => e.changes.length + e.points.length > 0)
		.map(([clientId, e]) => ({
			clientId,
			kind: 'monitor.batch',
			payload: { clientSlug: e.slug, changes: e.changes, points: e.points }
		}));
	if (publicChanges.length > 0)
		events.push({
			clientId: null,
			kind: 'public.status',
			isPublic: true,
			payload: { changes: publicChanges }
		});
	return events;
}
