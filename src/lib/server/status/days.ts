import { sql } from 'drizzle-orm';
import type { Executor } from '../db';

/** Seconds per state for each day of [from, now] in the client's timezone, from the timeline. */
function daySeconds(input: string, now: Date) {
	const at = now.toISOString();
	const seconds = (status: string) =>
		sql`coalesce(sum(extract(epoch from least(coalesce(i.to_at, ${at}::timestamptz), b.hi, ${at}::timestamptz) - greatest(i.from_at, b.lo))) filter (where i.status = ${status}), 0)::int`;
	return sql`
		with t as (select * from jsonb_to_recordset(${input}::jsonb) as x(component_id uuid, from_at timestamptz, tz text)),
		d as (
			select t.component_id, t.tz, g::date as day
			from t, generate_series((t.from_at at time zone t.tz)::date, (${at}::timestamptz at time zone t.tz)::date, interval '1 day') g
		),
		b as (
			select component_id, day, (day::timestamp at time zone tz) as lo, ((day + 1)::timestamp at time zone tz) as hi from d
		)
		select b.component_id, b.day::text as day,
			${seconds('up')} as up_seconds, ${seconds('degraded')} as degraded_seconds,
			${seconds('down')} as down_seconds, ${seconds('unknown')} as unknown_seconds
		from b left join lateral (
			select status, from_at, to_at from status_interval
			where component_id = b.component_id and from_at < b.hi and coalesce(to_at, ${at}::timestamptz) > b.lo
		) i on true
		group by b.component_id, b.day`;
}

export interface DaySpan {
	componentId: string;
	from: Date;
	timezone: string;
}

const spanJson = (spans: DaySpan[]) =>
	JSON.stringify(
		spans.map((s) => ({
			component_id: s.componentId,
			from_at: s.from.toISOString(),
			tz: s.timezone
		}))
	);

/** Rewrites the day rows a timeline change touched, from its first day up to today. */
export async function refreshStatusDays(tx: Executor, spans: DaySpan[], now: Date): Promise<void> {
	if (spans.length === 0) return;
	await tx.execute(sql`
		insert into status_day (component_id, day, up_seconds, degraded_seconds, down_seconds, unknown_seconds)
		select component_id, day::date, up_seconds, degraded_seconds, down_seconds, unknown_seconds
		from (${daySeconds(spanJson(spans), now)}) as computed
		on conflict (component_id, day) do update set
			up_seconds = excluded.up_seconds, degraded_seconds = excluded.degraded_seconds,
			down_seconds = excluded.down_seconds, unknown_seconds = excluded.unknown_seconds`);
}

export interface DayRow {
	component_id: string;
	day: string;
	up_seconds: number;
	degraded_seconds: number;
	down_seconds: number;
	unknown_seconds: number;
}

/** A component's still-open period: its state, since when (clipped to the bars' window). */
export interface OpenSpan extends DaySpan {
	status: string;
}

/**
 * The same figures computed now, for the days a still-open period keeps changing. A day wholly
 * inside that period is all of its state and needs no look-up; only its first day and today are
 * read from the timeline (a component up for 90 days costs two look-ups, not 91).
 */
export async function liveStatusDays(
	db: Executor,
	spans: OpenSpan[],
	now: Date
): Promise<DayRow[]> {
	if (spans.length === 0) return [];
	const at = now.toISOString();
	const input = JSON.stringify(
		spans.map((s) => ({
			component_id: s.componentId,
			from_at: s.from.toISOString(),
			tz: s.timezone,
			status: s.status
		}))
	);
	const whole = (status: string) =>
		sql`(case when b.status = ${status} then extract(epoch from b.hi - b.lo) else 0 end)::int`;
	const seconds = (status: string) =>
		sql`coalesce(sum(extract(epoch from least(coalesce(i.to_at, ${at}::timestamptz), b.hi, ${at}::timestamptz) - greatest(i.from_at, b.lo))) filter (where i.status = ${status}), 0)::int`;
	return (await db.execute(sql`
		with t as (select * from jsonb_to_recordset(${input}::jsonb) as x(component_id uuid, from_at timestamptz, tz text, status text)),
		d as (
			select t.component_id, t.from_at, t.status, g::date as day, (g::date::timestamp at time zone t.tz) as lo, ((g::date + 1)::timestamp at time zone t.tz) as hi
			from t, generate_series((t.from_at at time zone t.tz)::date, (${at}::timestamptz at time zone t.tz)::date, interval '1 day') g
		),
		inside as (select * from d where d.lo >= d.from_at and d.hi <= ${at}::timestamptz),
		edge as (select * from d where not (d.lo >= d.from_at and d.hi <= ${at}::timestamptz))
		select b.component_id, b.day::text as day, ${whole('up')} as up_seconds, ${whole('degraded')} as degraded_seconds,
			${whole('down')} as down_seconds, ${whole('unknown')} as unknown_seconds
		from inside b
		union all
		select b.component_id, b.day::text as day,
			${seconds('up')} as up_seconds, ${seconds('degraded')} as degraded_seconds,
			${seconds('down')} as down_seconds, ${seconds('unknown')} as unknown_seconds
		from edge b left join lateral (
			select status, from_at, to_at from status_interval
			where component_id = b.component_id and from_at < b.hi and coalesce(to_at, ${at}::timestamptz) > b.lo
		) i on true
		group by b.component_id, b.day`)) as unknown as DayRow[];
}
