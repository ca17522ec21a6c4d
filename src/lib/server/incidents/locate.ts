import { asc, eq } from 'drizzle-orm';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb } from '../db';
import { client, incident } from '../db/schema';
import { notFound } from '../errors';

/** The staff console names a report by its number alone (unique across clients): whose is it? */
export async function locateIncident(ctx: RequestContext, number: string): Promise<string> {
	authorize(ctx, 'incident.queue');
	const [row] = await getDb()
		.select({ slug: client.slug })
		.from(incident)
		.innerJoin(client, eq(client.id, incident.clientId))
		.where(eq(incident.number, number.toUpperCase()));
	if (!row) throw notFound();
	return row.slug;
}

/** Every client, for the staff queue's filter and the "log a report" picker. */
export async function clientChoices(
	ctx: RequestContext
): Promise<{ slug: string; name: string }[]> {
	authorize(ctx, 'incident.queue');
	return getDb()
		.select({ slug: client.slug, name: client.name })
		.from(client)
		.orderBy(asc(client.name))
		.limit(1000);
}
