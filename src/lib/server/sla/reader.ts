import { slaParts } from '../maintenance/extension';
import { and, asc, eq, gt, inArray, isNull, lt, or } from 'drizzle-orm';
import type { Executor } from '../db';
import {
	component,
	downtimeQualification,
	maintenance,
	maintenanceComponent,
	statusInterval
} from '../db/schema';
import { readWindow } from './availability';
import type { SlaInput, SlaPeriod, SlaSettings } from './types';

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
	const intervals = ids.length
		? await db
				.select({
					componentId: statusInterval.componentId,
					status: statusInterval.status,
					from: statusInterval.fromAt,
					to: statusInterval.toAt
				})
				.from(statusInterval)
				.where(
					and(
						inArray(statusInterval.componentId, ids),
						lt(statusInterval.fromAt, window.to),
						or(isNull(statusInterval.toAt), gt(statusInterval.toAt, window.from))
					)
				)
				.orderBy(asc(statusInterval.componentId), asc(statusInterval.fromAt))
		: [];
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
