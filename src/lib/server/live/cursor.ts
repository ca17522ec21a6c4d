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

/**
 * The newest event this actor may see: a page rendered now is current up to it. Each
 * audience is one index lookup (an OR of both would scan).
 */
export async function liveCursor(ctx: RequestContext): Promise<number> {
	const newestPublic = sql`(select max(${event.id}) from ${event} where ${event.isPublic})`;
	const newest =
		ctx.actor.kind === 'staff'
			? sql`(select max(${event.id}) from ${event})`
			: ctx.actor.kind === 'member'
				? sql`greatest((select max(${event.id}) from ${event} where ${event.clientId} = ${ctx.actor.clientId}), ${newestPublic})`
				: newestPublic;
	const [row] = (await getDb().execute(sql`select coalesce(${newest}, 0)::bigint as id`)) as unknown as { id: string }[];
	return Number(row.id);
}
