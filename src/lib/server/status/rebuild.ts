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

/** What rebuilding one component's timeline needs, read before its stored periods from `startAt` on were deleted. */
export interface TimelineState {
	componentId: string;
	/** The last sample before the new ones (or the first new one): the rebuild starts there. */
	startAt: Date;
	/** Every stored sample from `startAt` on, in order. */
	samples: TimelineSample[];
	/** The stored period reaching `startAt`, which the rebuilt stretch continues or ends. */
	reaching: StoredPeriod | null;
	/** The period that was open, for the live event of a change. */
	open: { status: IntervalStatus; since: Date } | null;
	staleMs: number;
}

export interface RebuiltComponent {
	componentId: string;
	startAt: Date;
	before: { status: IntervalStatus; since: Date } | null;
	after: { status: IntervalStatus; since: Date } | null;
}

/**
 * SQL over `st` (component_id, start_at): the stored period reaching each start and the open one
 * as columns (PERIOD_COLUMNS from PERIOD_JOINS), and the deletion of every period from the start
 * on. In one statement the reads see the timeline as it was before the deletion.
 */
export const PERIOD_COLUMNS = `r.id as reaching_id, r.status as reaching_status, r.from_at as reaching_from,
	r.to_at as reaching_to, o.status as open_status, o.from_at as open_from`;
export const PERIOD_JOINS = `
	left join lateral (
		select id, status, from_at, to_at from status_interval
		where component_id = st.component_id and from_at < st.start_at
		order by from_at desc limit 1
	) r on r.to_at is null or r.to_at >= st.start_at
	left join lateral (
		select status, from_at from status_interval where component_id = st.component_id and to_at is null
	) o on true`;
export const DELETE_FROM_START = `
	delete from status_interval i using st
	where i.component_id = st.component_id and i.from_at >= st.start_at`;

export interface PeriodColumns {
	reaching_id: string | null;
	reaching_status: IntervalStatus | null;
	reaching_from: string | null;
	reaching_to: string | null;
	open_status: IntervalStatus | null;
	open_from: string | null;
}

export function periodsOf(row: PeriodColumns): Pick<TimelineState, 'reaching' | 'open'> {
	return {
		reaching:
			row.reaching_id === null
				? null
				: {
						id: Number(row.reaching_id),
						status: row.reaching_status!,
						from: toDate(row.reaching_from!),
						to: row.reaching_to === null ? null : toDate(row.reaching_to)
					},
		open:
			row.open_status === null ? null : { status: row.open_status, since: toDate(row.open_from!) }
	};
}

/**
 * For components touched without new samples (a silence): where each rebuild starts (the last
 * sample before `minAt`), its stored periods (deleting those from the start on), its samples.
 */
export async function readTimelines(
	sql: postgres.TransactionSql,
	touched: { componentId: string; minAt: Date; staleMs: number }[]
): Promise<TimelineState[]> {
	if (touched.length === 0) return [];
	const rows = (await sql.unsafe(
		`with st as (
			select t.component_id, coalesce(
				(select max(s.at) from sample s where s.component_id = t.component_id and s.at < t.min_at),
				t.min_at) as start_at
			from unnest($1::uuid[], $2::timestamptz[]) as t(component_id, min_at)
		), gone as (${DELETE_FROM_START})
		select st.component_id, st.start_at, ${PERIOD_COLUMNS} from st ${PERIOD_JOINS}`,
		[
			pgArray(touched.map((t) => t.componentId)),
			pgArray(touched.map((t) => t.minAt.toISOString()))
		],
		{ prepare: true }
	)) as unknown as ({ component_id: string; start_at: string } & PeriodColumns)[];
	const staleById = new Map(touched.map((t) => [t.componentId, t.staleMs]));
	const states = rows.map((r) => ({
		componentId: r.component_id,
		startAt: toDate(r.start_at),
		samples: [],
		staleMs: staleById.get(r.component_id)!,
		...periodsOf(r)
	}));
	await readSamples(sql, states);
	return states;
}

/** Fills in each state's samples from its start on, read back from the table. */
export async function readSamples(
	sql: postgres.TransactionSql,
	states: TimelineState[]
): Promise<void> {
	if (states.length === 0) return;
	const rows = (await sql`
		select st.component_id, s.at, s.status
		from unnest(${pgArray(states.map((s) => s.componentId))}::uuid[], ${pgArray(states.map((s) => s.startAt.toISOString()))}::timestamptz[]) as st(component_id, start_at)
		cross join lateral (
			select at, status from sample where component_id = st.component_id and at >= st.start_at order by at
		) s
		order by st.component_id, s.at`) as unknown as {
		component_id: string;
		at: string;
		status: SampleStatus;
	}[];
	const byId = new Map(states.map((s) => [s.componentId, s]));
	for (const r of rows)
		byId.get(r.component_id)!.samples.push({ at: toDate(r.at), status: r.status });
}

/**
 * Rebuilds each timeline from its state, so a late or backfilled sample lands where it belongs.
 * The writes are sent at once and not awaited here: the caller awaits `written` with its own
 * last statements, which PostgreSQL runs after these on the same connection.
 */
export function rebuildTimelines(
	sql: postgres.TransactionSql,
	states: TimelineState[],
	now: Date
): { rebuilt: RebuiltComponent[]; written: Promise<unknown>[] } {
	const updates: { id: number; to: Date | null }[] = [];
	const inserts: (Period & { componentId: string })[] = [];
	const rebuilt = states.map((state) => {
		const splice = spliceTimeline(state.reaching, foldSamples(state.samples, state.staleMs, now));
		if (splice.extend) updates.push(splice.extend);
		inserts.push(...splice.insert.map((p) => ({ ...p, componentId: state.componentId })));
		return {
			componentId: state.componentId,
			startAt: state.startAt,
			before: state.open,
			after: openAfter(state.reaching, splice.extend, splice.insert)
		};
	});
	const written: Promise<unknown>[] = [];
	// In this order: a period closed here may be what lets a new one stay open (one open per component).
	if (updates.length > 0) {
		written.push(
			sql`
				update status_interval i set to_at = u.to_at
				from unnest(${pgArray(updates.map((u) => u.id))}::bigint[], ${pgArray(updates.map((u) => u.to?.toISOString()))}::timestamptz[]) as u(id, to_at)
				where i.id = u.id`.execute()
		);
	}
	if (inserts.length > 0) {
		written.push(
			sql`
				insert into status_interval (component_id, status, from_at, to_at)
				select * from unnest(${pgArray(inserts.map((p) => p.componentId))}::uuid[], ${pgArray(inserts.map((p) => p.status))}::text[],
					${pgArray(inserts.map((p) => p.from.toISOString()))}::timestamptz[], ${pgArray(inserts.map((p) => p.to?.toISOString()))}::timestamptz[])`.execute()
		);
	}
	return { rebuilt, written };
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
