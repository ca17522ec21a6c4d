import { and, asc, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { instantSchema } from '../validation';
import { m } from '$lib/paraglide/messages';
import type { ComponentStatus, MetricPoint } from '$lib/live/events';
import { componentInScope, getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import { client, component, statusDay, statusInterval, ROLLUP_RESOLUTIONS } from '../db/schema';
import { invalid } from '../errors';
import { liveStatusDays } from './days';
import { maintenanceWindows, type MaintenanceWindow } from '../maintenance/view';
import { rollupAverages } from './metrics-sql';
import { toDate } from './pg-time';
import { displayStatus, overallStatus, type UptimeDay } from '$lib/monitoring';
import {
	barDays,
	pointCount,
	MAX_POINTS,
	resolutionFor,
	uptimeBars,
	UPTIME_DAYS,
	type DaySeconds
} from './view-rules';

export interface ComponentStatusView {
	id: string;
	key: string;
	name: string;
	kind: string;
	status: ComponentStatus;
	since: string | null;
	/** Inside a planned maintenance window right now. */
	maintenance: boolean;
	days: UptimeDay[];
}

async function componentsWithState(db: Executor, where: ReturnType<typeof eq>) {
	return db
		.select({
			id: component.id,
			key: component.key,
			name: component.name,
			kind: component.kind,
			timezone: client.timezone,
			status: statusInterval.status,
			since: statusInterval.fromAt
		})
		.from(component)
		.innerJoin(client, eq(client.id, component.clientId))
		.leftJoin(
			statusInterval,
			and(eq(statusInterval.componentId, component.id), isNull(statusInterval.toAt))
		)
		.where(where)
		.orderBy(asc(component.kind), asc(component.name));
}

type StateRow = Awaited<ReturnType<typeof componentsWithState>>[number];

/**
 * 90 daily bars per component: stored day rows for closed days, figures computed now for
 * the days the still-open period covers (they change by the minute). One query per part
 * (days, open periods, maintenance), whatever the number of components.
 */
async function withUptimeDays(
	db: Executor,
	rows: StateRow[],
	now: Date
): Promise<ComponentStatusView[]> {
	if (rows.length === 0) return [];
	const daysIn = new Map<string, string[]>();
	for (const r of rows)
		if (!daysIn.has(r.timezone)) daysIn.set(r.timezone, barDays(r.timezone, now));
	const firstDay = [...daysIn.values()].map((days) => days[0]).sort()[0];
	const windowStart = new Date(now.getTime() - (UPTIME_DAYS + 1) * 86_400_000);
	const ids = rows.map((r) => r.id);
	const [stored, live, windows] = await Promise.all([
		db
			.select({
				componentId: statusDay.componentId,
				day: statusDay.day,
				upSeconds: statusDay.upSeconds,
				degradedSeconds: statusDay.degradedSeconds,
				downSeconds: statusDay.downSeconds,
				unknownSeconds: statusDay.unknownSeconds
			})
			.from(statusDay)
			.where(and(inArray(statusDay.componentId, ids), gte(statusDay.day, firstDay))),
		liveStatusDays(
			db,
			rows.flatMap((r) =>
				r.since
					? [
							{
								componentId: r.id,
								from: r.since < windowStart ? windowStart : r.since,
								timezone: r.timezone,
								status: r.status ?? 'unknown'
							}
						]
					: []
			),
			now
		),
		maintenanceWindows(db, ids, windowStart, new Date(now.getTime() + 1))
	]);
	const figures = new Map<string, Map<string, DaySeconds>>(ids.map((id) => [id, new Map()]));
	for (const d of stored) figures.get(d.componentId)?.set(d.day, d);
	for (const d of live) {
		figures.get(d.component_id)?.set(d.day, {
			upSeconds: d.up_seconds,
			degradedSeconds: d.degraded_seconds,
			downSeconds: d.down_seconds,
			unknownSeconds: d.unknown_seconds
		});
	}
	const windowsOf = new Map<string, MaintenanceWindow[]>();
	for (const w of windows) {
		let own = windowsOf.get(w.componentId);
		if (!own) windowsOf.set(w.componentId, (own = []));
		own.push(w);
	}
	return rows.map((r) => {
		const own = windowsOf.get(r.id) ?? [];
		const days = figures.get(r.id)!;
		return {
			id: r.id,
			key: r.key,
			name: r.name,
			kind: r.kind,
			status: r.status ?? 'unknown',
			since: r.since?.toISOString() ?? null,
			maintenance: own.some((w) => w.start <= now && w.end > now),
			days: uptimeBars(r.timezone, now, (day) => days.get(day), own, daysIn.get(r.timezone))
		};
	});
}

/** Every component of a client, its state now and its 90 daily bars (no scope check: callers hold the client). */
export async function clientComponentsOf(db: Executor, clientId: string, now: Date) {
	return withUptimeDays(db, await componentsWithState(db, eq(component.clientId, clientId)), now);
}

/** A client's live status page and `GET /api/v1/clients/{slug}/status`. */
export async function getClientStatus(ctx: RequestContext, slug: string, now = new Date()) {
	const db = getDb();
	const found = await getClientInScope(db, ctx, slug);
	const components = await clientComponentsOf(db, found.id, now);
	return { overall: overallStatus(components.map(displayStatus)), components };
}

/** The public page: components staff marked public, named without their client. */
export async function getPublicStatus(now = new Date()) {
	const db = getDb();
	const components = await withUptimeDays(
		db,
		await componentsWithState(db, eq(component.public, true)),
		now
	);
	return { overall: overallStatus(components.map(displayStatus)), components };
}

export const seriesQuery = z.object({
	from: instantSchema.optional().meta({ description: 'Default: to − 24 h' }),
	to: instantSchema.optional().meta({ description: 'Default: now' }),
	step: z
		.enum(ROLLUP_RESOLUTIONS)
		.optional()
		.meta({ description: 'Default: the finest within 3,000 points' })
});

/** `GET …/components/{key}/metrics?from&to&step`: rollup averages, never more than 3,000 points. */
export async function getMetricSeries(
	ctx: RequestContext,
	slug: string,
	key: string,
	query: Record<string, string | undefined>,
	now = new Date()
) {
	const db = getDb();
	const found = await getClientInScope(db, ctx, slug);
	const target = await componentInScope(db, found, key);
	const parsed = seriesQuery.safeParse(query);
	if (!parsed.success)
		throw invalid(m.metrics_query_invalid(), { query: m.metrics_query_invalid() });
	const to = parsed.data.to ? new Date(parsed.data.to) : now;
	const from = parsed.data.from ? new Date(parsed.data.from) : new Date(to.getTime() - 86_400_000);
	if (from >= to) throw invalid(m.metrics_range_invalid(), { from: m.metrics_range_invalid() });
	const resolution = parsed.data.step ?? resolutionFor(from.getTime(), to.getTime());
	if (pointCount(from.getTime(), to.getTime(), resolution) > MAX_POINTS) {
		throw invalid(m.metrics_too_many_points({ max: MAX_POINTS }), {
			step: m.metrics_too_many_points({ max: MAX_POINTS })
		});
	}
	const rows = (await db.execute(sql`
		select bucket, ${rollupAverages} from metric_rollup
		where component_id = ${target.id} and resolution = ${resolution}
			and bucket >= date_trunc(${resolution}, ${from.toISOString()}::timestamptz, 'UTC') and bucket < ${to.toISOString()}::timestamptz
		order by bucket`)) as unknown as ({ bucket: string } & Omit<MetricPoint, 'at'>)[];
	const points: MetricPoint[] = rows.map(({ bucket, ...values }) => ({
		at: toDate(bucket).toISOString(),
		...values
	}));
	return { component: key, resolution, from: from.toISOString(), to: to.toISOString(), points };
}
