import { and, eq } from 'drizzle-orm';
import { memberClientId, type RequestContext } from '../context';
import type { Executor } from '../db';
import { client, type Client } from '../db/schema';
import { notFound } from '../errors';
import { authorize } from '../policy';

/**
 * The one way to reach a client's row from a slug: a member only ever finds their own
 * client; for anyone else "not yours" and "does not exist" are the same 404.
 */
export async function getClientInScope(
	db: Executor,
	ctx: RequestContext,
	slug: string
): Promise<Client> {
	authorize(ctx, 'client.read');
	const only = memberClientId(ctx);
	if (only === null) throw notFound();
	const [row] = await db
		.select()
		.from(client)
		.where(only ? and(eq(client.slug, slug), eq(client.id, only)) : eq(client.slug, slug));
	if (!row) throw notFound();
	return row;
}
