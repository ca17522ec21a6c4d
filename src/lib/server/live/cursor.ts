import { and, eq, gt, gte, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Actor, RequestContext } from '../context';
import { getDb } from '../db';
import { event } from '../db/schema';

/** Which events an actor may see: the same rule as the rooms its sockets join. */
export function eventsVisibleTo(actor: Actor): SQL | undefined {
	switch (actor.kind) {
		case 'staff':
			return undefined;
		case 'member':
			return or(eq(event.clientId, actor.clientId), eq(event.isPublic, true));
		default:
			return eq(event.isPublic, true);
	}
}

/**
 * The newest event this actor may see: a page rendered now is current up to it. Each
 * audience is one index lookup (an OR of both would scan). A lower id may still be in
 * flight: catch-up from this cursor replays it (`missedSince`).
 */
export async function liveCursor(ctx: RequestContext): Promise<number> {
	const newestPublic = sql`(select max(${event.id}) from ${event} where ${event.isPublic})`;
	const newest =
		ctx.actor.kind === 'staff'
			? sql`(select max(${event.id}) from ${event})`
			: ctx.actor.kind === 'member'
				? sql`greatest((select max(${event.id}) from ${event} where ${event.clientId} = ${ctx.actor.clientId}), ${newestPublic})`
				: newestPublic;
	const [row] = (await getDb().execute(
		sql`select coalesce(${newest}, 0)::bigint as id`
	)) as unknown as { id: string }[];
	return Number(row.id);
}

/**
 * What a browser whose cursor is `cursor` (the newest id it has, from its page or its socket)
 * may lack. Ids are taken at insert but transactions commit in any order, so `id > cursor` alone
 * would skip an event with a lower id that commits after the cursor was handed out. Every event
 * row records `tx_horizon`, the oldest transaction still running at its insert: an event with a
 * lower id not yet committed then belongs to a transaction with `tx_id >= tx_horizon` (one that
 * had no xid yet gets a newer one). So we also replay those: exact, with no time window, at the
 * cost of a few events the browser may already have (it drops ids it has seen). Events of the
 * cursor's own transaction committed with it and are not replayed.
 */
export async function missedSince(cursor: number): Promise<SQL> {
	const [row] = await getDb()
		.select({ txId: event.txId, txHorizon: event.txHorizon })
		.from(event)
		.where(eq(event.id, cursor));
	if (!row) return gt(event.id, cursor);
	return or(gt(event.id, cursor), and(gte(event.txId, row.txHorizon), ne(event.txId, row.txId)))!;
}
