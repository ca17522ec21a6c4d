import { eq, or, sql, type SQL } from 'drizzle-orm';
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

/** The newest event this actor may see: a page rendered now is current up to it. */
export async function liveCursor(ctx: RequestContext): Promise<number> {
	const [row] = await getDb()
		.select({ id: sql<number>`coalesce(max(${event.id}), 0)::int` })
		.from(event)
		.where(eventsVisibleTo(ctx.actor));
	return row.id;
}
