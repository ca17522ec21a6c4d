import { and, asc, eq, gt, inArray, lt } from 'drizzle-orm';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import { component, maintenance, maintenanceComponent } from '../db/schema';

export interface MaintenanceWindow {
	componentId: string;
	start: Date;
	end: Date;
}

/** Published (not draft, not cancelled) maintenance of these components overlapping [from, to). */
export async function maintenanceWindows(
	db: Executor,
	componentIds: string[],
	from: Date,
	to: Date
): Promise<MaintenanceWindow[]> {
	if (componentIds.length === 0) return [];
	return db
		.select({
			componentId: maintenanceComponent.componentId,
			start: maintenance.startAt,
			end: maintenance.endAt
		})
		.from(maintenance)
		.innerJoin(maintenanceComponent, eq(maintenanceComponent.maintenanceId, maintenance.id))
		.where(
			and(
				inArray(maintenanceComponent.componentId, componentIds),
				eq(maintenance.state, 'published'),
				lt(maintenance.startAt, to),
				gt(maintenance.endAt, from)
			)
		);
}

/** A client's maintenance still to come or under way, soonest first (000 §1.4, 001 §5.5: clients are told beforehand). */
export async function upcomingMaintenance(
	ctx: RequestContext,
	slug: string,
	now = new Date(),
	limit = 5
) {
	const db = getDb();
	return upcomingMaintenanceOf(db, (await getClientInScope(db, ctx, slug)).id, now, limit);
}

/** The same for a client already reached through the tenant gate. */
export async function upcomingMaintenanceOf(
	db: Executor,
	clientId: string,
	now = new Date(),
	limit = 5
) {
	const rows = await db
		.select({
			id: maintenance.id,
			title: maintenance.title,
			start: maintenance.startAt,
			end: maintenance.endAt,
			component: component.name
		})
		.from(maintenance)
		.innerJoin(maintenanceComponent, eq(maintenanceComponent.maintenanceId, maintenance.id))
		.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
		.where(
			and(
				eq(maintenance.clientId, clientId),
				eq(maintenance.state, 'published'),
				gt(maintenance.endAt, now)
			)
		)
		.orderBy(asc(maintenance.startAt), asc(component.name));
	const byId = new Map<
		string,
		{ title: string; start: string; end: string; components: string[]; ongoing: boolean }
	>();
	for (const r of rows) {
		const entry = byId.get(r.id) ?? {
			title: r.title,
			start: r.start.toISOString(),
			end: r.end.toISOString(),
			components: [],
			ongoing: r.start <= now
		};
		entry.components.push(r.component);
		byId.set(r.id, entry);
	}
	return [...byId.values()].slice(0, limit);
}
