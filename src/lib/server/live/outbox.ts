import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { event } from '../db/schema';
import type { LiveEventKind, LiveEventPayloads } from '$lib/live/events';

export const EVENT_CHANNEL = 'portal_event';

/**
 * Appends a live event in the caller's transaction. NOTIFY is delivered only at commit,
 * so browsers never hear of a write that rolled back.
 */
export async function appendEvent<K extends LiveEventKind>(
	tx: Executor,
	input: { clientId: string | null; kind: K; payload: LiveEventPayloads[K]; isPublic?: boolean }
): Promise<number> {
	const [row] = await tx
		.insert(event)
		.values({
			clientId: input.clientId,
			kind: input.kind,
			payload: input.payload,
			isPublic: input.isPublic ?? false
		})
		.returning({ id: event.id });
	await tx.execute(sql`select pg_notify(${EVENT_CHANNEL}, ${String(row.id)})`);
	return row.id;
}
