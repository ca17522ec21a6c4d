import { eq, or, sql } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { event } from '../db/schema';

/** The newest event this actor may see: a page rendered now is current up to it. */
export async function liveCursor(ctx: RequestContext): Promise<number> {
	const a = ctx.actor;
	const where =
		a.kind === 'staff'
			? undefined
			: a.kind === 'member'
				? or(eq(event.clientId, a.clientId), eq(event.isPublic, true))
				: eq(event.isPublic, true);
	const [row] = await getDb()
		.select({ id: sql<number>`coalesce(max(${event.id}), 0)::int` })
		.from(event)
		.where(where);
	return row.id;
}
