import { sql } from 'drizzle-orm';
import type { Executor } from '../db';
import { event } from '../db/schema';
import type { LiveEventKind, LiveEventPayloads } from '$lib/live/events';

export type EventInput<K extends LiveEventKind = LiveEventKind> = {
	clientId: string | null;
	kind: K;
	payload: LiveEventPayloads[K];
	isPublic?: boolean;
};

export const EVENT_CHANNEL = 'portal_event';

/**
 * Appends a live event in the caller's transaction. NOTIFY is delivered only at commit,
 * so browsers never hear of a write that rolled back.
 */
export async function appendEvent<K extends LiveEventKind>(tx: Executor, input: EventInput<K>): Promise<number> {
	const [id] = await appendEvents(tx, [input]);
	return id;
}

/**
 * Several events, one NOTIFY: high-rate writers (sample batches) must not notify per row,
 * since every NOTIFY serialises commits on a global queue lock.
 */
export async function appendEvents(tx: Executor, inputs: EventInput[]): Promise<number[]> {
	if (inputs.length === 0) return [];
	const rows = await tx
		.insert(event)
		.values(
			inputs.map((input) => ({
				clientId: input.clientId,
				kind: input.kind,
				payload: input.payload,
				isPublic: input.isPublic ?? false
			}))
		)
		.returning({ id: event.id });
	const ids = rows.map((r) => r.id);
	await tx.execute(sql`select pg_notify(${EVENT_CHANNEL}, ${ids.join(',')})`);
	return ids;
}
