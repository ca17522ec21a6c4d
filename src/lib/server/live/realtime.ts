import { and, asc, inArray, ne, sql } from 'drizzle-orm';
import type { Server, Socket } from 'socket.io';
import {
	CATCH_UP_MAX_EVENTS,
	CATCH_UP_WINDOW_HOURS,
	type ClientToServerEvents,
	type LiveEvent,
	type ServerToClientEvents
} from '$lib/live/events';
import { actorFromSession, parseCookie } from '../auth/actor';
import {
	SESSION_COOKIE,
	validateSession,
	validateSessionToken,
	type ValidatedSession
} from '../auth/session';
import type { Actor } from '../context';
import { getDb, getSql } from '../db';
import { childLog } from '../log';
import { event } from '../db/schema';
import { eventsVisibleTo, missedSince } from './cursor';
import { broadcast } from './broadcast';
import { ExpirySweep } from './expiry-sweep';
import { EVENT_CHANNEL, SESSION_ENDED, type SessionEndedPayload } from './outbox';
import { roomsForActor, roomsForEvent, sessionRoom } from './rooms';

interface SocketData {
	actor: Actor;
	/** The session the socket was opened with (null: anonymous), and when it expires. */
	sessionId: string | null;
	expiresAt: number;
	/** The relay's `sessionsEnded` before the handshake validated the session. */
	endedBefore: number;
}
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type EventRow = typeof event.$inferSelect;

export const IO_KEY = Symbol.for('hosting-portal.io');

function toLiveEvent(row: EventRow): LiveEvent {
	return {
		id: row.id,
		at: row.at.toISOString(),
		kind: row.kind,
		payload: row.payload
	} as LiveEvent;
}

/** Browsers send Origin on cross-site requests: refuse any that is not ours. */
export function originAllowed(origin: string | undefined, host: string | undefined): boolean {
	if (!origin) return true;
	const configured = process.env.ORIGIN;
	try {
		const url = new URL(origin);
		return configured ? url.origin === new URL(configured).origin : url.host === host;
	} catch {
		return false;
	}
}

const sameRooms = (a: string[], b: string[]) =>
	a.length === b.length && a.every((room) => b.includes(room));

/**
 * A socket lives only as long as its session, with the rooms of that session's rights. The relay
 * ends it when the session ends (`session.ended`); this re-check also covers what no write
 * announces (expiry) and a session ended between the handshake and the join. `current` is the
 * session as it stands now (null: gone).
 */
function holdsWith(socket: RealtimeSocket, current: ValidatedSession | null): boolean {
	if (
		current &&
		sameRooms(roomsForActor(actorFromSession(current)), roomsForActor(socket.data.actor))
	) {
		socket.data.expiresAt = current.expiresAt.getTime();
		return true;
	}
	socket.disconnect(true);
	return false;
}

async function sessionStillHolds(socket: RealtimeSocket): Promise<boolean> {
	const { sessionId } = socket.data;
	if (!sessionId) return true;
	return holdsWith(socket, await validateSession(sessionId, { renew: false }));
}

/** At expiry: one query per session however many sockets it has; those still held are due at the new expiry. */
async function recheckAtExpiry(
	sockets: RealtimeSocket[]
): Promise<Map<RealtimeSocket, number | null>> {
	const bySession = new Map<string, RealtimeSocket[]>();
	for (const socket of sockets) {
		if (!socket.connected) continue;
		const id = socket.data.sessionId!;
		const group = bySession.get(id);
		if (group) group.push(socket);
		else bySession.set(id, [socket]);
	}
	const answers = new Map<RealtimeSocket, number | null>();
	for (const [sessionId, group] of bySession) {
		const current = await validateSession(sessionId, { renew: false });
		for (const socket of group)
			answers.set(socket, holdsWith(socket, current) ? socket.data.expiresAt : null);
	}
	return answers;
}

async function replayMissed(socket: RealtimeSocket, lastEventId: number) {
	if (!Number.isSafeInteger(lastEventId) || lastEventId < 0) return;
	if (!(await sessionStillHolds(socket))) return;
	const rows = await getDb()
		.select()
		.from(event)
		.where(
			and(
				await missedSince(lastEventId),
				ne(event.kind, SESSION_ENDED),
				eventsVisibleTo(socket.data.actor)
			)
		)
		.orderBy(asc(event.id))
		.limit(CATCH_UP_MAX_EVENTS + 1);
	const windowStart = Date.now() - CATCH_UP_WINDOW_HOURS * 3600_000;
	// Too many missed, or missed for too long: the page reloads its data instead.
	if (
		rows.length > CATCH_UP_MAX_EVENTS ||
		(rows.length > 0 && rows[0].at.getTime() < windowStart)
	) {
		socket.emit('resync', { reason: 'gap_too_large' });
		return;
	}
	for (const row of rows) socket.emit('event', toLiveEvent(row));
}

/** How many ids below the newest emitted one the relay always remembers having emitted. */
const EMITTED_KEPT = 10_000;

/**
 * Relays committed events from Postgres to this node's sockets. Every node LISTENs;
 * postgres.js re-LISTENs after a dropped connection and we then replay what was missed.
 * `session.ended` rows are the relay's own: they disconnect sockets and reach no browser.
 */
class EventRelay {
	private readonly emitted = new Set<number>();
	private highest = 0;
	/** Ids at or below it may have been emitted and forgotten. */
	private forgottenUpTo = 0;
	/** How many `session.ended` rows it has acted on: a socket joined since missed none of them. */
	sessionsEnded = 0;

	constructor(private readonly io: RealtimeServer) {}

	async start() {
		const [{ max }] = await getDb()
			.select({ max: sql<number>`coalesce(max(${event.id}), 0)::int` })
			.from(event);
		this.highest = max;
		await getSql().listen(
			EVENT_CHANNEL,
			(payload) => untilDone(() => this.relay(payload.split(',').map(Number))),
			() => {
				const from = this.highest;
				untilDone(() => this.onListen(from));
			}
		);
	}

	/**
	 * At every (re)LISTEN, including the first (events committed between `start`'s max and the
	 * LISTEN): what committed while we were not listening, by the same rule as a browser's
	 * catch-up (`missedSince`) from the highest id emitted when the LISTEN came back (a retry keeps
	 * it), minus what we already emitted.
	 */
	private async onListen(from: number) {
		const rows = await getDb()
			.select({
				id: event.id,
				clientId: event.clientId,
				isPublic: event.isPublic,
				kind: event.kind
			})
			.from(event)
			.where(await missedSince(from))
			.orderBy(asc(event.id));
		const missed = rows.filter((r) => !this.emitted.has(r.id));
		relayLog().info({ missed: missed.length }, 'relay listening');
		const unsure = missed.filter((r) => r.id <= this.forgottenUpTo && r.kind !== SESSION_ENDED);
		// Emitted long ago or never: we cannot tell. Those rooms reload their data rather than risk either.
		if (unsure.length > 0) {
			for (const r of unsure) this.remember(r.id);
			this.io
				.to([...new Set(unsure.flatMap(roomsForEvent))])
				.emit('resync', { reason: 'gap_too_large' });
		}
		await this.relay(missed.filter((r) => !unsure.includes(r)).map((r) => r.id));
	}

	private async relay(ids: number[]) {
		const fresh = ids.filter((id) => Number.isSafeInteger(id) && !this.emitted.has(id));
		if (fresh.length === 0) return;
		const rows = await getDb()
			.select()
			.from(event)
			.where(inArray(event.id, fresh))
			.orderBy(asc(event.id));
		for (const row of rows) {
			if (this.emitted.has(row.id)) continue;
			this.remember(row.id);
			if (row.kind === SESSION_ENDED) {
				const { sessionIds } = row.payload as SessionEndedPayload;
				this.sessionsEnded++;
				if (sessionIds.length > 0) this.io.in(sessionIds.map(sessionRoom)).disconnectSockets(true);
				continue;
			}
			const started = performance.now();
			broadcast(this.io, roomsForEvent(row), 'event', toLiveEvent(row));
			// Writing one event to every socket of its rooms is synchronous: this is that loop's time.
			relayLog().debug(
				{ eventId: row.id, kind: row.kind, emitMs: performance.now() - started },
				'event emitted'
			);
		}
	}

	private remember(id: number) {
		this.emitted.add(id);
		this.highest = Math.max(this.highest, id);
		if (this.emitted.size > 2 * EMITTED_KEPT) {
			this.forgottenUpTo = this.highest - EMITTED_KEPT;
			for (const old of this.emitted) {
				if (old <= this.forgottenUpTo) this.emitted.delete(old);
			}
		}
	}
}

const relayLog = () => childLog({ module: 'realtime' });

function logRelayError(e: unknown) {
	relayLog().error({ err: e }, 'relay failed');
}

const RELAY_RETRY_MS = 250;

/**
 * A relay query fails when PostgreSQL goes away just after a NOTIFY or a re-LISTEN. Dropping it
 * would lose those events for this node's sockets (a later catch-up starts from a higher id), so
 * it is tried again until it succeeds; what was emitted meanwhile is skipped.
 */
function untilDone(task: () => Promise<void>) {
	task().catch((e) => {
		logRelayError(e);
		setTimeout(() => untilDone(task), RELAY_RETRY_MS).unref();
	});
}

let attached: RealtimeServer | undefined;

/** Wires authentication, rooms, catch-up and the relay onto a Socket.IO server (once per process). */
export async function attachRealtime(io: RealtimeServer): Promise<void> {
	if (attached === io) return;
	attached = io;
	const relay = new EventRelay(io);
	const expiries = new ExpirySweep(recheckAtExpiry, logRelayError);
	io.use(async (socket, next) => {
		try {
			const { headers } = socket.handshake;
			if (!originAllowed(headers.origin, headers.host))
				return next(new Error('origin not allowed'));
			socket.data.endedBefore = relay.sessionsEnded;
			const token = parseCookie(headers.cookie, SESSION_COOKIE);
			const session = token ? await validateSessionToken(token) : null;
			socket.data.actor = session ? actorFromSession(session) : { kind: 'anonymous' };
			socket.data.sessionId = session?.sessionId ?? null;
			socket.data.expiresAt = session?.expiresAt.getTime() ?? 0;
			next();
		} catch (e) {
			logRelayError(e);
			next(new Error('unavailable'));
		}
	});
	io.on('connection', (socket) => {
		// The handshake is built: the upgrade request is not needed any more (Socket.IO's memory tip).
		socket.conn.request = null as never;
		const { actor, sessionId } = socket.data;
		void socket.join([...roomsForActor(actor), ...(sessionId ? [sessionRoom(sessionId)] : [])]);
		if (sessionId) {
			// A session ended after the handshake's check but before the join was announced to no
			// room of ours: only then is it read again. Ended later, the relay finds it in its room.
			if (relay.sessionsEnded !== socket.data.endedBefore)
				void sessionStillHolds(socket).catch(logRelayError);
			expiries.add(socket, socket.data.expiresAt);
			socket.on('disconnect', () => expiries.delete(socket));
		}
		socket.on(
			'catchUp',
			(lastEventId) => void replayMissed(socket, Number(lastEventId)).catch(logRelayError)
		);
	});
	await relay.start();
}

export function sharedRealtimeServer(): RealtimeServer | undefined {
	return (globalThis as Record<symbol, RealtimeServer | undefined>)[IO_KEY];
}
