import { and, eq, inArray } from 'drizzle-orm';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { OVERRUN_SUFFIX, windowIdOfSource } from '../maintenance/extension';
import { component, downtimeQualification, maintenance, maintenanceComponent } from '../db/schema';

export interface SlaSourceDetail {
	/** A maintenance's title, or the note staff wrote when qualifying the downtime. */
	text: string;
	start: string;
	end: string;
	/** Maintenance only: when it was announced, which decides whether it counts (000 §1.4, 001 §5.5). */
	announcedAt: string | null;
	componentKeys: string[];
}

/**
 * What stands behind a report's exclusions and ignored sources, by source id: the report keeps
 * ids only, while the client reads each period with its title or note.
 */
export async function slaSourceDetails(
	ctx: RequestContext,
	slug: string,
	sources: readonly { source: 'maintenance' | 'qualification'; sourceId: string }[]
): Promise<Record<string, SlaSourceDetail>> {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const ids = (kind: string) => [
		...new Set(sources.filter((s) => s.source === kind).map((s) => s.sourceId))
	];
	const details: Record<string, SlaSourceDetail> = {};
	const sourceIds = ids('maintenance');
	const maintenanceIds = [...new Set(sourceIds.map(windowIdOfSource))];
	if (maintenanceIds.length > 0) {
		const rows = await db
			.select()
			.from(maintenance)
			.where(and(eq(maintenance.clientId, owner.id), inArray(maintenance.id, maintenanceIds)));
		const links = await db
			.select({ maintenanceId: maintenanceComponent.maintenanceId, key: component.key })
			.from(maintenanceComponent)
			.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
			.where(inArray(maintenanceComponent.maintenanceId, maintenanceIds));
		for (const r of rows) {
			const componentKeys = links
				.filter((l) => l.maintenanceId === r.id)
				.map((l) => l.key)
				.sort();
			const planned = r.plannedEndAt && r.extendedAt ? r.plannedEndAt : r.endAt;
			details[r.id] = {
				text: r.title,
				start: r.startAt.toISOString(),
				end: planned.toISOString(),
				announcedAt: r.announcedAt?.toISOString() ?? null,
				componentKeys
			};
			// The overrun of an extended window, announced when it was extended.
			if (sourceIds.includes(r.id + OVERRUN_SUFFIX))
				details[r.id + OVERRUN_SUFFIX] = {
					text: r.title,
					start: planned.toISOString(),
					end: r.endAt.toISOString(),
					announcedAt: r.extendedAt?.toISOString() ?? null,
					componentKeys
				};
		}
	}
	const qualificationIds = ids('qualification');
	if (qualificationIds.length > 0) {
		const rows = await db
			.select({ q: downtimeQualification, key: component.key })
			.from(downtimeQualification)
			.innerJoin(component, eq(component.id, downtimeQualification.componentId))
			.where(
				and(
					eq(downtimeQualification.clientId, owner.id),
					inArray(downtimeQualification.id, qualificationIds)
				)
			);
		for (const { q, key } of rows) {
			details[q.id] = {
				text: q.note,
				start: q.startAt.toISOString(),
				end: q.endAt.toISOString(),
				announcedAt: null,
				componentKeys: [key]
			};
		}
	}
	return details;
}
