import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db';
import { statusInterval, type ComponentKind } from '../db/schema';
import { refreshStatusDays } from '../status/days';
import { toDate } from '../status/pg-time';
import { historyPeriods, type FixedSpell } from './history-plan';
import { profileFor } from './profiles';
import { WEEKEND_FACTOR, seedOf, seededRng } from './random-walk';

/** The 90-day bars end today: history starts at local midnight 89 days before. */
export const HISTORY_DAYS = 90;
/** The 24 h chart reads minute rollups; older charts read hours. */
const MINUTE_ROLLUP_HOURS = 24;

export interface HistoryComponent {
	id: string;
	key: string;
	kind: ComponentKind;
	timezone: string;
	/** The outages and slowdowns the demo's story tells (demo/replay.ts storySpells). */
	spells?: FixedSpell[];
}

/**
 * Gives demo components a past: a 90-day timeline ending open at `now`, its day rows, and
 * hour/day rollups (minutes for the last day) whose status counts follow that timeline.
 */
export async function seedHistory(
	tx: Executor,
	components: HistoryComponent[],
	now: Date
): Promise<void> {
	if (components.length === 0) return;
	const starts = await historyStarts(tx, [...new Set(components.map((c) => c.timezone))], now);
	const planned = components.map((c) => ({ ...c, start: starts.get(c.timezone)! }));
	await tx.insert(statusInterval).values(
		planned.flatMap((c) =>
			historyPeriods(seededRng(seedOf(c.id)), c.start, now, c.spells).map((p) => ({
				componentId: c.id,
				status: p.status,
				fromAt: p.from,
				toAt: p.to
			}))
		)
	);
	await refreshStatusDays(
		tx,
		planned.map((c) => ({ componentId: c.id, from: c.start, timezone: c.timezone })),
		now
	);
	await insertRollups(tx, planned, now);
}

async function historyStarts(
	tx: Executor,
	timezones: string[],
	now: Date
): Promise<Map<string, Date>> {
	const found = rowsOf<{ tz: string; start: string }>(
		await tx.execute(sql`
			select tz, (((${now.toISOString()}::timestamptz at time zone tz)::date - ${HISTORY_DAYS - 1}::int)::timestamp at time zone tz) as start
			from jsonb_array_elements_text(${JSON.stringify(timezones)}::jsonb) as tz`)
	);
	return new Map(found.map((r) => [r.tz, toDate(r.start)]));
}

/**
 * One statement: hour slots up to a day ago then minute slots up to `now`, each with the
 * seconds per state the timeline gives it (one sample per 10 s) and metrics on the same
 * business-day curve as the simulator (random-walk.ts `activity`, profiles.ts `targetsAt`).
 * Minute, hour and day rows are sums of the same slots, so every resolution agrees.
 */
async function insertRollups(
	tx: Executor,
	planned: (HistoryComponent & { start: Date })[],
	now: Date
) {
	const at = now.toISOString();
	const profiles = JSON.stringify(
		planned.map((c) => {
			const p = profileFor(c.kind, c.key);
			return {
				component_id: c.id,
				tz: c.timezone,
				start_at: c.start.toISOString(),
				server: p.server,
				cpu_base: p.cpuBase,
				cpu_swing: p.cpuSwing,
				ram_base: p.ramBase,
				ram_swing: p.ramSwing,
				disk_from: p.diskFrom,
				disk_to: p.diskTo,
				net_in_peak: p.netInPeakBps,
				net_out_peak: p.netOutPeakBps,
				cores: p.cores,
				latency: p.latencyMs
			};
		})
	);
	// ~50,000 groups: the default work_mem would spill the aggregate to disk.
	await tx.execute(sql`set local work_mem = '32MB'`);
	await tx.execute(sql`
		with p as (
			select * from jsonb_to_recordset(${profiles}::jsonb) as x(
				component_id uuid, tz text, start_at timestamptz, server boolean, cpu_base float8, cpu_swing float8,
				ram_base float8, ram_swing float8, disk_from float8, disk_to float8, net_in_peak float8,
				net_out_peak float8, cores float8, latency float8)
		),
		bounds as (
			select date_trunc('hour', ${at}::timestamptz - make_interval(hours => ${MINUTE_ROLLUP_HOURS}::int), 'UTC') as minutes_from,
				date_trunc('minute', ${at}::timestamptz, 'UTC') as minutes_to
		),
		slots as (
			select p.component_id, g as lo, g + interval '1 hour' as hi
			from p, bounds, generate_series(p.start_at, bounds.minutes_from - interval '1 hour', interval '1 hour') g
			union all
			select p.component_id, g, g + interval '1 minute'
			from p, bounds, generate_series(bounds.minutes_from, bounds.minutes_to - interval '1 minute', interval '1 minute') g
		),
		seconds as (
			select s.component_id, s.lo, s.hi,
				${stateSeconds('up', at)} as up_s, ${stateSeconds('degraded', at)} as degraded_s, ${stateSeconds('down', at)} as down_s
			from slots s
			left join status_interval i on i.component_id = s.component_id and i.from_at < s.hi and coalesce(i.to_at, ${at}::timestamptz) > s.lo
			group by s.component_id, s.lo, s.hi
		),
		counted as (
			select p.*, s.lo, s.hi, round(s.up_s / 10)::int as up_n, round(s.degraded_s / 10)::int as degraded_n,
				round(s.down_s / 10)::int as down_n, (s.lo + (s.hi - s.lo) / 2) at time zone p.tz as local_mid
			from seconds s join p using (component_id)
		),
		shaped as materialized (
			select c.*, up_n + degraded_n as ok_n,
				(0.5 - 0.5 * cos(2 * pi() * (date_part('hour', local_mid) + date_part('minute', local_mid) / 60 - 3) / 24))
					* case when date_part('isodow', local_mid) >= 6 then ${WEEKEND_FACTOR}::float8 else 1 end as level,
				date_part('hour', local_mid) in (1, 2) as backup_hour,
				date_part('epoch', lo - start_at) / greatest(date_part('epoch', ${at}::timestamptz - start_at), 1) as progress,
				degraded_n::float8 / greatest(up_n + degraded_n, 1) as degraded_share
			from counted c
		),
		slot_values as materialized (
			select component_id, lo as bucket, (hi - lo = interval '1 minute') as is_minute, server, ok_n,
				up_n + degraded_n + down_n as samples, up_n, degraded_n, down_n,
				latency * (1 + 0.6 * level) * (1 + 3 * degraded_share) * (0.85 + 0.3 * random()) as latency_v,
				least(100, cpu_base + cpu_swing * level + 25 * degraded_share + (random() - 0.5) * 6) as cpu_v,
				least(100, ram_base + ram_swing * level + (random() - 0.5) * 3) as ram_v,
				disk_from + (disk_to - disk_from) * progress + (random() - 0.5) * 0.4 as disk_v,
				net_in_peak * (0.08 + 0.92 * level) * (0.85 + 0.3 * random()) as net_in_v,
				net_out_peak * (0.08 + 0.92 * level) * (0.85 + 0.3 * random()) as net_out_v,
				cores * (cpu_base + cpu_swing * level) / 100 * (0.85 + 0.3 * random()) as load_v,
				greatest(0, 1 + 3 * level + case when backup_hour then 8 else 0 end + (random() - 0.5) * 1.5) as iowait_v
			from shaped
		),
		sums as (
			select component_id, bucket, is_minute, samples, up_n, degraded_n, down_n,
				latency_v * ok_n as latency_sum, ok_n as latency_count,
				${serverSums(['cpu', 'ram', 'disk', 'net_in', 'net_out', 'load', 'iowait'])}
			from slot_values
		)
		insert into metric_rollup (component_id, resolution, bucket, samples, up_count, degraded_count, down_count,
			latency_sum, latency_count, cpu_sum, cpu_count, ram_sum, ram_count, disk_sum, disk_count,
			net_in_sum, net_in_count, net_out_sum, net_out_count, load_sum, load_count, iowait_sum, iowait_count)
		select component_id, res, date_trunc(res, bucket, 'UTC'), sum(samples), sum(up_n), sum(degraded_n), sum(down_n),
			sum(latency_sum), sum(latency_count), sum(cpu_sum), sum(cpu_count), sum(ram_sum), sum(ram_count),
			sum(disk_sum), sum(disk_count), sum(net_in_sum), sum(net_in_count), sum(net_out_sum), sum(net_out_count),
			sum(load_sum), sum(load_count), sum(iowait_sum), sum(iowait_count)
		from sums cross join unnest(array['minute', 'hour', 'day']) as res
		where res <> 'minute' or is_minute
		group by component_id, res, date_trunc(res, bucket, 'UTC')
		having sum(samples) > 0`);
}

function stateSeconds(status: string, at: string) {
	return sql`coalesce(sum(date_part('epoch', least(coalesce(i.to_at, ${at}::timestamptz), s.hi) - greatest(i.from_at, s.lo)))
		filter (where i.status = ${status}), 0)`;
}

/** Server metrics are reported by every answering sample of a server, by nothing else. */
function serverSums(metrics: string[]) {
	return sql.raw(
		metrics
			.map(
				(m) =>
					`case when server then ${m}_v * ok_n else 0 end as ${m}_sum, case when server then ok_n else 0 end as ${m}_count`
			)
			.join(', ')
	);
}
