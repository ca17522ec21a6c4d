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

/** The same figures computed now, for days a still-running period keeps changing. */
export async function liveStatusDays(db: Executor, spans: DaySpan[], now: Date): Promise<DayRow[]> {
	if (spans.length === 0) return [];
	return (await db.execute(daySeconds(spanJson(spans), now))) as unknown as DayRow[];
}
