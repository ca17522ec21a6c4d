import type postgres from 'postgres';
import { pgArray } from '../db/pg-array';
import type { IntervalStatus, SampleStatus } from '../db/schema';
import { toDate } from './pg-time';
import {
	foldSamples,
	spliceTimeline,
	type Period,
	type StoredPeriod,
	type TimelineSample
} from './timeline';

export interface TouchedComponent {
	componentId: string;
	/** The earliest sample this batch added: the timeline is rebuilt from just before it. */
	minAt: Date;
	staleMs: number;
	/**
	 * When the caller already knows them: every stored sample from the rebuild's start on, in
	 * order (a batch that only appended knows the sample before it and its own).
	 */
	known?: { startAt: Date; samples: TimelineSample[] };
}

export interface RebuiltComponent {
	componentId: string;
	startAt: Date;
	before: { status: IntervalStatus; since: Date } | null;
	after: { status: IntervalStatus; since: Date } | null;
}

type StoredRow = {
	id: string;
	component_id: string;
	status: IntervalStatus;
	from_at: string;
	to_at: string | null;
	reaching: boolean;
};

/**
 * Rebuilds each touched component's timeline from the last sample before the batch's
 * earliest one, so a late or backfilled sample lands where it belongs. A handful of
 * prepared statements per batch, whatever the number of components.
 */
export async function rebuildTimelines(
	sql: postgres.TransactionSql,
	touched: TouchedComponent[],
	now: Date
): Promise<RebuiltComponent[]> {
	if (touched.length === 0) return [];
	const starts = await startsOf(sql, touched);
	const stored = await replaceFrom(sql, starts);
	const updates: { id: number; to: Date | null }[] = [];
	const inserts: (Period & { componentId: string })[] = [];
	const results: RebuiltComponent[] = [];
	for (const t of touched) {
		const id = t.componentId;
		const { startAt, samples } = starts.get(id)!;
		const mine = stored.filter((p) => p.component_id === id);
		const open = mine.find((p) => p.to_at === null);
		const reachingRow = mine.find((p) => p.reaching);
		const reaching: StoredPeriod | null = reachingRow
			? {
					id: Number(reachingRow.id),
					status: reachingRow.status,
					from: toDate(reachingRow.from_at),
					to: reachingRow.to_at === null ? null : toDate(reachingRow.to_at)
				}
			: null;
		const splice = spliceTimeline(reaching, foldSamples(samples, t.staleMs, now));
		if (splice.extend) updates.push(splice.extend);
		inserts.push(...splice.insert.map((p) => ({ ...p, componentId: id })));
		results.push({
			componentId: id,
			startAt,
			before: open ? { status: open.status, since: toDate(open.from_at) } : null,
			after: openAfter(reaching, splice.extend, splice.insert)
		});
	}
	// In this order: a period closed here may be what lets a new one stay open (one open per component).
	if (updates.length > 0) {
		await sql`
			update status_interval i set to_at = u.to_at
			from unnest(${pgArray(updates.map((u) => u.id))}::bigint[], ${pgArray(updates.map((u) => u.to?.toISOString()))}::timestamptz[]) as u(id, to_at)
			where i.id = u.id`;
	}
	if (inserts.length > 0) {
		await sql`
			insert into status_interval (component_id, status, from_at, to_at)
			select * from unnest(${pgArray(inserts.map((p) => p.componentId))}::uuid[], ${pgArray(inserts.map((p) => p.status))}::text[],
				${pgArray(inserts.map((p) => p.from.toISOString()))}::timestamptz[], ${pgArray(inserts.map((p) => p.to?.toISOString()))}::timestamptz[])`;
	}
	return results;
}

/** Where each rebuild starts, and the samples from there on: read back unless the caller knows them. */
async function startsOf(
	sql: postgres.TransactionSql,
	touched: TouchedComponent[]
): Promise<Map<string, { startAt: Date; samples: TimelineSample[] }>> {
	const starts = new Map(
		touched.flatMap((t) => (t.known ? [[t.componentId, t.known] as const] : []))
	);
	const unknown = touched.filter((t) => !t.known);
	if (unknown.length === 0) return starts;
	const rows = (await sql`
		with t as (
			select t.component_id, coalesce(
				(select max(s.at) from sample s where s.component_id = t.component_id and s.at < t.min_at),
				t.min_at) as start_at
			from unnest(${pgArray(unknown.map((t) => t.componentId))}::uuid[], ${pgArray(unknown.map((t) => t.minAt.toISOString()))}::timestamptz[]) as t(component_id, min_at)
		)
		select t.component_id, t.start_at, s.at, s.status
		from t cross join lateral (
			select at, status from sample where component_id = t.component_id and at >= t.start_at order by at
		) s
		order by t.component_id, s.at`) as unknown as {
		component_id: string;
		start_at: string;
		at: string;
		status: SampleStatus;
	}[];
	for (const t of unknown) starts.set(t.componentId, { startAt: t.minAt, samples: [] });
	for (const r of rows) {
		const start = starts.get(r.component_id)!;
		if (start.samples.length === 0) start.startAt = toDate(r.start_at);
		start.samples.push({ at: toDate(r.at), status: r.status });
	}
	return starts;
}

/**
 * Reads the stored period reaching each start and the open one, and deletes every period from the
 * start on, in one statement: both parts see the timeline as it was before.
 */
async function replaceFrom(
	sql: postgres.TransactionSql,
	starts: Map<string, { startAt: Date }>
): Promise<StoredRow[]> {
	const ids = pgArray([...starts.keys()]);
	const at = pgArray([...starts.values()].map((s) => s.startAt.toISOString()));
	return (await sql`
		with st as (
			select * from unnest(${ids}::uuid[], ${at}::timestamptz[]) as st(component_id, start_at)
		), gone as (
			delete from status_interval i using st
			where i.component_id = st.component_id and i.from_at >= st.start_at
		)
		select i.id, i.component_id, i.status, i.from_at, i.to_at,
			(i.from_at < st.start_at and (i.to_at is null or i.to_at >= st.start_at)) as reaching
		from st cross join lateral (
			(select * from status_interval where component_id = st.component_id and from_at < st.start_at order by from_at desc limit 1)
			union
			(select * from status_interval where component_id = st.component_id and to_at is null)
		) i
		where (i.from_at < st.start_at and (i.to_at is null or i.to_at >= st.start_at)) or i.to_at is null`) as unknown as StoredRow[];
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
