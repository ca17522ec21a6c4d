/**
 * A child process holding many socket.io-client connections, so the bench's sockets spread
 * over processes (file descriptors, and no single event loop decoding every copy of an event).
 * Driven over IPC by sockets.ts; records when each socket receives each matching event.
 */
import { io as connect, type Socket } from 'socket.io-client';
import type { LiveEvent, LiveEventKind } from '../../src/lib/live/events';

export type WorkerRequest =
	| { type: 'connect'; url: string; cookie: string | null; count: number; kind: LiveEventKind }
	| { type: 'await'; after: number; timeoutMs: number }
	| { type: 'close' };

export type WorkerReply =
	| { type: 'connected'; count: number; failed: number }
	| { type: 'received'; id: number; payload: unknown; times: number[]; missing: number }
	| { type: 'timeout' };

/** The same clock as harness.ts's nowMs (CLOCK_MONOTONIC, shared by every process). */
const nowMs = () => Number(process.hrtime.bigint()) / 1e6;
const sockets: Socket[] = [];
/** Event id → receive instants, one per socket that got it. */
const received = new Map<number, { payload: unknown; times: number[] }>();
let kind: LiveEventKind = 'monitor.batch';

const reply = (message: WorkerReply) => process.send!(message);

/** monitor.batch events without chart points come from the silence sweep, not from a bench batch. */
function matches(event: LiveEvent): boolean {
	if (event.kind !== kind) return false;
	return event.kind !== 'monitor.batch' || event.payload.points.length > 0;
}

function open(url: string, cookie: string | null): Promise<boolean> {
	const socket = connect(url, {
		transports: ['websocket'],
		reconnection: false,
		extraHeaders: cookie ? { cookie } : {}
	});
	socket.on('event', (event: LiveEvent) => {
		if (!matches(event)) return;
		const at = nowMs();
		let entry = received.get(event.id);
		if (!entry) received.set(event.id, (entry = { payload: event.payload, times: [] }));
		entry.times.push(at);
		if (entry.times.length >= sockets.length) settle();
	});
	sockets.push(socket);
	return new Promise((done) => {
		socket.once('connect', () => done(true));
		socket.once('connect_error', () => done(false));
	});
}

async function openAll(url: string, cookie: string | null, count: number) {
	let failed = 0;
	// A few hundred handshakes at once: each one validates the session in the database.
	for (let i = 0; i < count; i += 200) {
		const batch = Array.from({ length: Math.min(200, count - i) }, () => open(url, cookie));
		failed += (await Promise.all(batch)).filter((ok) => !ok).length;
	}
	reply({ type: 'connected', count: sockets.length - failed, failed });
}

let waiting: { after: number; timer: NodeJS.Timeout } | undefined;

/** Answers the pending wait with the first matching event after `after`, once every socket has it (or at the deadline). */
function settle(deadlinePassed = false) {
	if (!waiting) return;
	const ids = [...received.keys()].filter((id) => id > waiting!.after);
	if (ids.length === 0) {
		if (deadlinePassed) {
			waiting = undefined;
			reply({ type: 'timeout' });
		}
		return;
	}
	const id = Math.min(...ids);
	const entry = received.get(id)!;
	if (entry.times.length < sockets.length && !deadlinePassed) return;
	clearTimeout(waiting.timer);
	waiting = undefined;
	reply({
		type: 'received',
		id,
		payload: entry.payload,
		times: entry.times,
		missing: sockets.length - entry.times.length
	});
	for (const old of received.keys()) if (old <= id) received.delete(old);
}

process.on('message', (message: WorkerRequest) => {
	if (message.type === 'connect') {
		kind = message.kind;
		void openAll(message.url, message.cookie, message.count);
	} else if (message.type === 'await') {
		waiting = { after: message.after, timer: setTimeout(() => settle(true), message.timeoutMs) };
		settle();
	} else {
		for (const socket of sockets) socket.close();
		process.exit(0);
	}
});
