import { sql } from 'drizzle-orm';
import { rowsOf, type Executor } from '../db';
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
export async function appendEvent<K extends LiveEventKind>(
	tx: Executor,
	input: EventInput<K>
): Promise<number> {
	const [id] = await appendEvents(tx, [input]);
	return id;
}

/**
 * Several events, one NOTIFY: high-rate writers (sample batches) must not notify per row,
 * since every NOTIFY serialises commits on a global queue lock.
 */
export async function appendEvents(tx: Executor, inputs: EventInput[]): Promise<number[]> {
	return insertEvents(tx, inputs);
}

/**
 * Internal to the relay, never sent to a browser nor replayed: every node disconnects the
 * sockets of these sessions (session ended, or its rights changed and it must rejoin its rooms).
 */
export const SESSION_ENDED = 'session.ended';
export type SessionEndedPayload = { sessionIds: string[] };

/** Appended in the transaction that ends (or re-roles) the sessions: sockets go at its commit. */
export async function appendSessionsEnded(tx: Executor, sessionIds: string[]): Promise<void> {
	if (sessionIds.length === 0) return;
	const payload: SessionEndedPayload = { sessionIds };
	await insertEvents(tx, [{ clientId: null, kind: SESSION_ENDED, payload }]);
}

/** The rows and their one NOTIFY in one statement: a write's last round trip to PostgreSQL. */
async function insertEvents(
	tx: Executor,
	inputs: { clientId: string | null; kind: string; payload: unknown; isPublic?: boolean }[]
): Promise<number[]> {
	if (inputs.length === 0) return [];
	const rows = JSON.stringify(
		inputs.map((input) => ({
			client_id: input.clientId,
			kind: input.kind,
			payload: input.payload,
			is_public: input.isPublic ?? false
		}))
	);
	const inserted = rowsOf<{ id: string }>(
		await tx.execute(sql`
			with ins as (
				insert into event (client_id, kind, payload, is_public)
				select client_id, kind, payload, is_public
				from jsonb_to_recordset(${rows}::jsonb) as x(client_id uuid, kind text, payload jsonb, is_public boolean)
				returning id
			), notified as (
				select pg_notify(${EVENT_CHANNEL}, string_agg(id::text, ',' order by id)) from ins
			)
			select ins.id from ins, notified order by ins.id`)
	);
	return inserted.map((r) => Number(r.id));
}
