import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db';
import { statusInterval, type IntervalStatus, type SampleStatus } from '../db/schema';
import { toDate } from './pg-time';
import { foldSamples, spliceTimeline, type Period, type StoredPeriod } from './timeline';

export interface TouchedComponent {
	componentId: string;
	/** The earliest sample this batch added: the timeline is rebuilt from just before it. */
	minAt: Date;
	staleMs: number;
}

export interface RebuiltComponent {
	componentId: string;
	startAt: Date;
	before: { status: IntervalStatus; since: Date } | null;
	after: { status: IntervalStatus; since: Date } | null;
}

/**
 * Rebuilds each touched component's timeline from the last sample before the batch's
 * earliest one, so a late or backfilled sample lands where it belongs. A handful of
 * statements per batch, whatever the number of components.
 */
export async function rebuildTimelines(
	tx: Executor,
	touched: TouchedComponent[],
	now: Date
): Promise<RebuiltComponent[]> {
	if (touched.length === 0) return [];
	const input = JSON.stringify(
		touched.map((t) => ({ component_id: t.componentId, min_at: t.minAt.toISOString() }))
	);
	const starts = rowsOf<{ component_id: string; start_at: Date }>(
		await tx.execute(sql`
			select t.component_id, coalesce(
				(select max(s.at) from sample s where s.component_id = t.component_id and s.at < t.min_at),
				t.min_at) as start_at
			from jsonb_to_recordset(${input}::jsonb) as t(component_id uuid, min_at timestamptz)`)
	);
	const startsJson = JSON.stringify(
		starts.map((s) => ({ component_id: s.component_id, start_at: toDate(s.start_at) }))
	);
	const samples = rowsOf<{ component_id: string; at: Date; status: SampleStatus }>(
		await tx.execute(sql`
			select st.component_id, s.at, s.status
			from jsonb_to_recordset(${startsJson}::jsonb) as st(component_id uuid, start_at timestamptz)
			cross join lateral (
				select at, status from sample where component_id = st.component_id and at >= st.start_at order by at
			) s
			order by st.component_id, s.at`)
	);
	const stored = rowsOf<{
		id: number;
		component_id: string;
		status: IntervalStatus;
		from_at: Date;
		to_at: Date | null;
		reaching: boolean;
	}>(
		await tx.execute(sql`
			select i.id, i.component_id, i.status, i.from_at, i.to_at,
				(i.from_at < st.start_at and (i.to_at is null or i.to_at >= st.start_at)) as reaching
			from jsonb_to_recordset(${startsJson}::jsonb) as st(component_id uuid, start_at timestamptz)
			cross join lateral (
				(select * from status_interval where component_id = st.component_id and from_at < st.start_at order by from_at desc limit 1)
				union
				(select * from status_interval where component_id = st.component_id and to_at is null)
			) i
			where (i.from_at < st.start_at and (i.to_at is null or i.to_at >= st.start_at)) or i.to_at is null`)
	);
	await tx.execute(sql`
		delete from status_interval where id in (
			select x.id from jsonb_to_recordset(${startsJson}::jsonb) as st(component_id uuid, start_at timestamptz)
			cross join lateral (select id from status_interval where component_id = st.component_id and from_at >= st.start_at) x
		)`);

	const staleById = new Map(touched.map((t) => [t.componentId, t.staleMs]));
	const samplesById = groupBy(samples, (s) => s.component_id);
	const inserts: (Period & { componentId: string })[] = [];
	const results: RebuiltComponent[] = [];
	for (const start of starts) {
		const id = start.component_id;
		const mine = stored.filter((p) => p.component_id === id);
		const open = mine.find((p) => p.to_at === null);
		const reachingRow = mine.find((p) => p.reaching);
		const reaching: StoredPeriod | null = reachingRow
			? {
					id: reachingRow.id,
					status: reachingRow.status,
					from: toDate(reachingRow.from_at),
					to: reachingRow.to_at && toDate(reachingRow.to_at)
				}
			: null;
		const rebuilt = foldSamples(
			(samplesById.get(id) ?? []).map((s) => ({ at: toDate(s.at), status: s.status })),
			staleById.get(id) ?? 0,
			now
		);
		const splice = spliceTimeline(reaching, rebuilt);
		if (splice.extend) {
			await tx.execute(
				sql`update status_interval set to_at = ${splice.extend.to?.toISOString() ?? null} where id = ${splice.extend.id}`
			);
		}
		inserts.push(...splice.insert.map((p) => ({ ...p, componentId: id })));
		results.push({
			componentId: id,
			startAt: toDate(start.start_at),
			before: open ? { status: open.status, since: toDate(open.from_at) } : null,
			after: openAfter(reaching, splice.extend, splice.insert)
		});
	}
	if (inserts.length > 0) {
		await tx.insert(statusInterval).values(
			inserts.map((p) => ({
				componentId: p.componentId,
				status: p.status,
				fromAt: p.from,
				toAt: p.to
			}))
		);
	}
	return results;
}

function openAfter(
	reaching: StoredPeriod | null,
	extend: { to: Date | null } | null,
	inserted: Period[]
): RebuiltComponent['after'] {
	const last = inserted.at(-1);
	if (last) return last.to === null ? { status: last.status, since: last.from } : null;
	const reachingTo = extend ? extend.to : reaching?.to;
	return reaching && reachingTo === null ? { status: reaching.status, since: reaching.from } : null;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const k = key(item);
		const list = groups.get(k);
		if (list) list.push(item);
		else groups.set(k, [item]);
	}
	return groups;
}
