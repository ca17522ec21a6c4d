import { and, asc, eq, gt, isNotNull, lt, lte, or, type SQL } from 'drizzle-orm';
import { clientScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { maintenance } from '../db/schema';
import { invalid } from '../errors';
import { m } from '$lib/paraglide/messages';
import { can } from '../policy';
import {
	cursorAfter,
	listRange,
	maintenanceQuerySchema,
	MAX_PAGE,
	parseCursor,
	parseMaintenance
} from './input';
import type { MaintenanceState } from './lifecycle';
import { maintenanceItems } from './records';

/** A state as SQL: in progress and completed are published windows read against `now`. */
function stateCondition(state: MaintenanceState, now: Date): SQL {
	const published = eq(maintenance.state, 'published');
	switch (state) {
		case 'draft':
		case 'cancelled':
			return eq(maintenance.state, state);
		case 'published':
			return and(published, gt(maintenance.startAt, now))!;
		case 'in_progress':
			return and(published, lte(maintenance.startAt, now), gt(maintenance.endAt, now))!;
		case 'completed':
			return and(published, lte(maintenance.endAt, now))!;
	}
}

/**
 * A client's windows overlapping [from, to), by start. Drafts (and drafts cancelled unpublished)
 * are staff's: members never see them.
 */
export async function listMaintenance(
	ctx: RequestContext,
	slug: string,
	query: unknown,
	now = new Date()
) {
	const q = parseMaintenance(maintenanceQuerySchema, query);
	const { client: owner, settings } = await clientScope(ctx, slug);
	if (!settings) throw invalid(m.incident_contract_invalid());
	const { from, to } = listRange(q, owner.timezone);
	const limit = q.limit ?? MAX_PAGE;
	const after = q.cursor ? parseCursor(q.cursor) : null;
	const db = getDb();
	const rows = await db
		.select()
		.from(maintenance)
		.where(
			and(
				eq(maintenance.clientId, owner.id),
				from ? gt(maintenance.endAt, from) : undefined,
				to ? lt(maintenance.startAt, to) : undefined,
				q.state ? stateCondition(q.state, now) : undefined,
				can(ctx, 'maintenance.publish') ? undefined : isNotNull(maintenance.announcedAt),
				after
					? or(
							gt(maintenance.startAt, after.start),
							and(eq(maintenance.startAt, after.start), gt(maintenance.id, after.id))
						)
					: undefined
			)
		)
		.orderBy(asc(maintenance.startAt), asc(maintenance.id))
		.limit(limit + 1);
	const page = rows.slice(0, limit);
	return {
		items: await maintenanceItems(db, page, settings, owner.timezone, now),
		...(rows.length > limit ? { next: cursorAfter(page[page.length - 1]) } : {})
	};
}
