import { and, eq, gt, gte, inArray, isNull, or } from 'drizzle-orm';
import { getDb, type Executor } from '../db';
import {
	component,
	incident,
	incidentComponent,
	maintenance,
	maintenanceComponent
} from '../db/schema';
import { appendEvent } from '../live/outbox';
import {
	HISTORY_DAYS,
	isPublicNotice,
	publicOnly,
	splitIncidents,
	splitMaintenance
} from './public-notices-rules';

/**
 * The public page's incidents and planned maintenance over 90 days: title, dates, state and the
 * public components concerned; never a description, a timeline note, a number or a client.
 */
export async function getPublicNotices(now = new Date()) {
	const db = getDb();
	const since = new Date(now.getTime() - HISTORY_DAYS * 86_400_000);
	const publicComponent = and(
		eq(component.id, incidentComponent.componentId),
		eq(component.public, true)
	);
	const [incidentRows, maintenanceRows] = await Promise.all([
		db
			.select({
				id: incident.id,
				title: incident.title,
				severity: incident.severity,
				status: incident.status,
				qualification: incident.qualification,
				reportedAt: incident.reportedAt,
				resolvedAt: incident.resolvedAt,
				componentName: component.name,
				componentPublic: component.public
			})
			.from(incident)
			.innerJoin(incidentComponent, eq(incidentComponent.incidentId, incident.id))
			.innerJoin(component, eq(component.id, incidentComponent.componentId))
			.where(
				and(
					inArray(
						incident.id,
						db
							.select({ id: incidentComponent.incidentId })
							.from(incidentComponent)
							.innerJoin(component, publicComponent)
					),
					or(isNull(incident.resolvedAt), gte(incident.resolvedAt, since))
				)
			),
		db
			.select({
				id: maintenance.id,
				title: maintenance.title,
				start: maintenance.startAt,
				end: maintenance.endAt,
				componentName: component.name,
				componentPublic: component.public
			})
			.from(maintenance)
			.innerJoin(maintenanceComponent, eq(maintenanceComponent.maintenanceId, maintenance.id))
			.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
			.where(
				and(
					inArray(
						maintenance.id,
						db
							.select({ id: maintenanceComponent.maintenanceId })
							.from(maintenanceComponent)
							.innerJoin(
								component,
								and(eq(component.id, maintenanceComponent.componentId), eq(component.public, true))
							)
					),
					gt(maintenance.endAt, since),
					// Drafts are staff's, and a cancelled window is no longer planned.
					eq(maintenance.state, 'published')
				)
			)
	]);
	return {
		incidents: splitIncidents(publicOnly(incidentRows), now),
		maintenance: splitMaintenance(publicOnly(maintenanceRows), now)
	};
}

/**
 * In the transaction of a change the public page shows: if the incident or maintenance is public
 * (every component it touches is), open public pages reload their notices, told nothing else.
 */
export async function announcePublicNotice(
	tx: Executor,
	target: { incidentId: string } | { maintenanceId: string }
): Promise<void> {
	const flags =
		'incidentId' in target
			? await tx
					.select({ public: component.public })
					.from(incidentComponent)
					.innerJoin(component, eq(component.id, incidentComponent.componentId))
					.where(eq(incidentComponent.incidentId, target.incidentId))
			: await tx
					.select({ public: component.public })
					.from(maintenanceComponent)
					.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
					.where(eq(maintenanceComponent.maintenanceId, target.maintenanceId));
	if (!isPublicNotice(flags.map((f) => f.public))) return;
	await appendEvent(tx, { clientId: null, kind: 'public.notices', payload: {}, isPublic: true });
}
