import { and, asc, gt, inArray, sql } from 'drizzle-orm';
import type { Server, Socket } from 'socket.io';
import {
	CATCH_UP_MAX_EVENTS,
	CATCH_UP_WINDOW_HOURS,
	type ClientToServerEvents,
	type LiveEvent,
	type ServerToClientEvents
} from '$lib/live/events';
import { actorFromSession, parseCookie } from '../auth/actor';
import { SESSION_COOKIE, validateSessionToken } from '../auth/session';
import type { Actor } from '../context';
import { getDb, getSql } from '../db';
import { childLog } from '../log';
import { event } from '../db/schema';
import { eventsVisibleTo } from './cursor';
import { EVENT_CHANNEL } from './outbox';
import { roomsForActor, roomsForEvent } from './rooms';

interface SocketData {
	actor: Actor;
}
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;
type EventRow = typeof event.$inferSelect;

export const IO_KEY = Symbol.for('hosting-portal.io');

function toLiveEvent(row: EventRow): LiveEvent {
	return { id: row.id, at: row.at.toISOString(), kind: row.kind, payload: row.payload } as LiveEvent;
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

async function replayMissed(socket: RealtimeSocket, lastEventId: number) {
	if (!Number.isSafeInteger(lastEventId) || lastEventId < 0) return;
	const rows = await getDb()
		.select()
		.from(event)
		.where(and(gt(event.id, lastEventId), eventsVisibleTo(socket.data.actor)))
		.orderBy(asc(event.id))
		.limit(CATCH_UP_MAX_EVENTS + 1);
	const windowStart = Date.now() - CATCH_UP_WINDOW_HOURS * 3600_000;
	// Too many missed, or missed for too long: the page reloads its data instead.
	if (rows.length > CATCH_UP_MAX_EVENTS || (rows.length > 0 && rows[0].at.getTime() < windowStart)) {
		socket.emit('resync', { reason: 'gap_too_large' });
		return;
	}
	for (const row of rows) socket.emit('event', toLiveEvent(row));
}

/**
 * Relays committed events from Postgres to this node's sockets. Every node LISTENs;
 * postgres.js re-LISTENs after a dropped connection and we then replay what was missed.
 */
class EventRelay {
	private readonly emitted = new Set<number>();
	private highest = 0;
	private listening = false;

	constructor(private readonly io: RealtimeServer) {}

	async start() {
		const [{ max }] = await getDb()
			.select({ max: sql<number>`coalesce(max(${event.id}), 0)::int` })
			.from(event);
		this.highest = max;
		await getSql().listen(
			EVENT_CHANNEL,
			(payload) => void this.relay(payload.split(',').map(Number)).catch(logRelayError),
			() => void this.onListen().catch(logRelayError)
		);
	}

	private async onListen() {
		if (!this.listening) {
			this.listening = true;
			return;
		}
		// Ids commit out of order across transactions: look back a little and skip what we sent.
		const rows = await getDb()
			.select({ id: event.id })
			.from(event)
			.where(gt(event.id, Math.max(0, this.highest - 1000)))
			.orderBy(asc(event.id));
		await this.relay(rows.map((r) => r.id).filter((id) => !this.emitted.has(id)));
	}

	private async relay(ids: number[]) {
		const fresh = ids.filter((id) => Number.isSafeInteger(id) && !this.emitted.has(id));
		if (fresh.length === 0) return;
		const rows = await getDb().select().from(event).where(inArray(event.id, fresh)).orderBy(asc(event.id));
		for (const row of rows) {
			if (this.emitted.has(row.id)) continue;
			this.remember(row.id);
			this.io.to(roomsForEvent(row)).emit('event', toLiveEvent(row));
		}
	}

	private remember(id: number) {
		this.emitted.add(id);
		this.highest = Math.max(this.highest, id);
		if (this.emitted.size > 20_000) {
			for (const old of this.emitted) {
				if (old < this.highest - 10_000) this.emitted.delete(old);
			}
		}
	}
}

function logRelayError(e: unknown) {
	childLog({ module: 'realtime' }).error({ err: e }, 'relay failed');
}

let attached: RealtimeServer | undefined;

/** Wires authentication, rooms, catch-up and the relay onto a Socket.IO server (once per process). */
export async function attachRealtime(io: RealtimeServer): Promise<void> {
	if (attached === io) return;
	attached = io;
	io.use(async (socket, next) => {
		try {
			const { headers } = socket.handshake;
			if (!originAllowed(headers.origin, headers.host)) return next(new Error('origin not allowed'));
			const token = parseCookie(headers.cookie, SESSION_COOKIE);
			const session = token ? await validateSessionToken(token) : null;
			socket.data.actor = session ? actorFromSession(session) : { kind: 'anonymous' };
			next();
		} catch (e) {
			logRelayError(e);
			next(new Error('unavailable'));
		}
	});
	io.on('connection', (socket) => {
		void socket.join(roomsForActor(socket.data.actor));
		socket.on('catchUp', (lastEventId) => void replayMissed(socket, Number(lastEventId)).catch(logRelayError));
	});
	await new EventRelay(io).start();
}

export function sharedRealtimeServer(): RealtimeServer | undefined {
	return (globalThis as Record<symbol, RealtimeServer | undefined>)[IO_KEY];
}
