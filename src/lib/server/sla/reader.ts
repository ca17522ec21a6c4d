import { slaParts } from '../maintenance/extension';
import { and, asc, eq, gt, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { PostgresJsSession } from 'drizzle-orm/postgres-js';
import type postgres from 'postgres';
import type { Executor } from '../db';
import {
	component,
	downtimeQualification,
	maintenance,
	maintenanceComponent,
	statusInterval
} from '../db/schema';
import { readWindow } from './availability';
import { StatusColumns } from './status-columns';
import type { SlaInput, SlaPeriod, SlaSettings } from './types';

/** Status rows are read this many at a time: a batch is garbage once copied into the columns. */
const BATCH_ROWS = 2000;

/**
 * An instant as epoch ms, the number its Date holds: floored, as a Date keeps the milliseconds of
 * a timestamp's microseconds. Read so, a row costs no text nor Date on its way into the columns.
 */
const epochMs = (column: AnyPgColumn) =>
	sql<number>`floor(extract(epoch from ${column}) * 1000)::float8`;

/** The postgres.js client behind a drizzle executor: the pool, or the transaction's connection. */
function clientOf(db: Executor): postgres.Sql {
	const session = db._.session;
	if (!(session instanceof PostgresJsSession)) throw new Error('expected a postgres.js session');
	return session.client;
}

/**
 * The components' rows overlapping the window, one component after the other in `ids` order
 * (the engine's, so it need not sort them) and by start, through postgres.js's callback cursor
 * into columns. Not an awaited result, even page by page: rows delivered that way outlived the
 * young generation (measured: half of the bytes read promoted, tens of MB a month), while a
 * cursor's batches die young.
 */
async function loadIntervals(
	db: Executor,
	ids: readonly string[],
	window: { from: Date; to: Date }
): Promise<StatusColumns> {
	const rows = new StatusColumns();
	for (const id of ids) {
		const query = db
			.select({
				status: statusInterval.status,
				from: epochMs(statusInterval.fromAt),
				to: epochMs(statusInterval.toAt)
			})
			.from(statusInterval)
			.where(
				and(
					eq(statusInterval.componentId, id),
					lt(statusInterval.fromAt, window.to),
					or(isNull(statusInterval.toAt), gt(statusInterval.toAt, window.from))
				)
			)
			.orderBy(asc(statusInterval.fromAt))
			.toSQL();
		await clientOf(db)
			.unsafe(query.sql, query.params as never[])
			.values()
			.cursor(BATCH_ROWS, (batch) => {
				for (const [status, from, to] of batch) rows.push(id, status, from, to);
			});
	}
	return rows;
}

/** Loads what the engine needs for a period: a handful of range queries, no samples. */
export async function loadSlaInput(
	db: Executor,
	target: { clientId: string; timeZone: string; settings: SlaSettings; monthlyFeeCents: number },
	period: SlaPeriod,
	asOf: Date
): Promise<SlaInput> {
	const window = readWindow(period, target.settings);
	const components = await db
		.select({ id: component.id, key: component.key, inScope: component.slaScope })
		.from(component)
		.where(eq(component.clientId, target.clientId))
		.orderBy(asc(component.key));
	const ids = components.map((c) => c.id);
	const intervals = await loadIntervals(db, ids, window);
	const maintenances = await db
		.select()
		.from(maintenance)
		.where(
			and(
				eq(maintenance.clientId, target.clientId),
				eq(maintenance.state, 'published'),
				lt(maintenance.startAt, window.to),
				gt(maintenance.endAt, window.from)
			)
		);
	const links = maintenances.length
		? await db
				.select()
				.from(maintenanceComponent)
				.where(
					inArray(
						maintenanceComponent.maintenanceId,
						maintenances.map((x) => x.id)
					)
				)
		: [];
	const qualifications = await db
		.select()
		.from(downtimeQualification)
		.where(
			and(
				eq(downtimeQualification.clientId, target.clientId),
				lt(downtimeQualification.startAt, window.to),
				gt(downtimeQualification.endAt, window.from)
			)
		);
	return {
		period,
		timeZone: target.timeZone,
		settings: target.settings,
		monthlyFeeCents: target.monthlyFeeCents,
		components,
		intervals,
		maintenances: maintenances.flatMap((x) =>
			slaParts({
				id: x.id,
				componentIds: links.filter((l) => l.maintenanceId === x.id).map((l) => l.componentId),
				start: x.startAt,
				end: x.endAt,
				plannedEnd: x.plannedEndAt,
				extendedAt: x.extendedAt,
				announcedAt: x.announcedAt!,
				approvedAt: x.approval === 'approved' ? x.approvalAt : null,
				network: x.kind === null ? undefined : x.kind === 'network'
			})
		),
		qualifications: qualifications.map((q) => ({
			id: q.id,
			componentId: q.componentId,
			start: q.startAt,
			end: q.endAt,
			cause: q.cause
		})),
		asOf
	};
}
