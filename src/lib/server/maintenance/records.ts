/** A window as the services load it and as the API and pages show it. */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../db';
import type { ContractSettings } from '../contracts/settings';
import { component, maintenance, maintenanceComponent, user } from '../db/schema';
import { notFound } from '../errors';
import { isUuid } from '../validation';
import type { MaintenanceKind } from './compliance';
import {
	approvalState,
	assessWindow,
	kindOf,
	maintenanceState,
	type Decision,
	type StoredState,
	type WindowRecord
} from './lifecycle';

export type MaintenanceRow = typeof maintenance.$inferSelect;
type Settings = Pick<ContractSettings, 'maintenance' | 'support'>;

export const windowRecord = (row: MaintenanceRow): WindowRecord => ({
	state: row.state as StoredState,
	kind: row.kind as MaintenanceKind | null,
	start: row.startAt,
	end: row.endAt,
	announcedAt: row.announcedAt,
	approval: row.approval as Decision | null,
	approvalAt: row.approvalAt
});

/**
 * A window of this client; another client's, an unknown id or (unless `drafts`) one never
 * published (a draft, or a draft cancelled) is a 404.
 */
export async function windowInScope(
	db: Executor,
	clientId: string,
	id: string,
	{ lock = false, drafts = true } = {}
): Promise<MaintenanceRow> {
	if (!isUuid(id)) throw notFound();
	const query = db
		.select()
		.from(maintenance)
		.where(and(eq(maintenance.clientId, clientId), eq(maintenance.id, id)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row || (!drafts && row.announcedAt === null)) throw notFound();
	return row;
}

/** Component keys and the deciding person's name, per window. */
async function extras(db: Executor, rows: MaintenanceRow[]) {
	const ids = rows.map((r) => r.id);
	const keys = new Map<string, string[]>(ids.map((id) => [id, []]));
	if (ids.length > 0) {
		const links = await db
			.select({ id: maintenanceComponent.maintenanceId, key: component.key })
			.from(maintenanceComponent)
			.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
			.where(inArray(maintenanceComponent.maintenanceId, ids))
			.orderBy(asc(component.key));
		for (const l of links) keys.get(l.id)!.push(l.key);
	}
	const people = [...new Set(rows.flatMap((r) => (r.approvalBy ? [r.approvalBy] : [])))];
	const names = new Map(
		people.length
			? (
					await db
						.select({ id: user.id, name: user.name })
						.from(user)
						.where(inArray(user.id, people))
				).map((p) => [p.id, p.name])
			: []
	);
	return { keys, names };
}

export type MaintenanceItem = ReturnType<typeof itemOf>;

function itemOf(
	row: MaintenanceRow,
	components: string[],
	by: string | undefined,
	settings: Settings,
	timeZone: string,
	now: Date
) {
	const w = windowRecord(row);
	const a = assessWindow(w, settings, timeZone, now);
	return {
		id: row.id,
		kind: kindOf(w, settings.maintenance),
		state: maintenanceState(w, now),
		start: row.startAt.toISOString(),
		end: row.endAt.toISOString(),
		title: row.title,
		description: row.description,
		components,
		compliant: a.compliant,
		reasons: a.reasons,
		warnings: a.warnings,
		needsApproval: a.needsApproval,
		approval: {
			state: approvalState(w.approval, a.needsApproval),
			...(by ? { by } : {}),
			...(row.approval && row.approvalAt ? { at: row.approvalAt.toISOString() } : {}),
			...(row.approval && row.approvalComment ? { comment: row.approvalComment } : {})
		},
		announcedAt: row.announcedAt?.toISOString() ?? null,
		cancelReason: row.cancelReason
	};
}

export async function maintenanceItems(
	db: Executor,
	rows: MaintenanceRow[],
	settings: Settings,
	timeZone: string,
	now: Date
): Promise<MaintenanceItem[]> {
	const { keys, names } = await extras(db, rows);
	return rows.map((r) =>
		itemOf(
			r,
			keys.get(r.id) ?? [],
			r.approvalBy ? names.get(r.approvalBy) : undefined,
			settings,
			timeZone,
			now
		)
	);
}
