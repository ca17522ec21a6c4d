import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import type { LiveEvent } from '../../src/lib/live/events';
import { SESSION_COOKIE } from '../../src/lib/server/auth/session';
import { attachRealtime, type RealtimeServer } from '../../src/lib/server/live/realtime';

/** One app node: its own HTTP server, Socket.IO server and relay, on the shared test database. */
export async function startNode() {
	const http: HttpServer = createServer();
	const io = new Server(http) as RealtimeServer;
	await attachRealtime(io);
	await new Promise<void>((ready) => http.listen(0, '127.0.0.1', ready));
	const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	return {
		url,
		stop: async () => {
			await io.close();
			await new Promise((done) => http.close(done));
		}
	};
}

export interface TestSocket {
	socket: Socket;
	events: LiveEvent[];
	/** Why the server ended this socket (`io server disconnect`), once it did. */
	endedBy: () => string | undefined;
}

/** A browser's socket: the session cookie, the portal's Origin, no automatic reconnection. */
export async function openSocket(
	url: string,
	sessionToken: string | null,
	lastEventId?: number
): Promise<TestSocket> {
	const socket = connect(url, {
		transports: ['websocket'],
		extraHeaders: {
			...(sessionToken ? { cookie: `${SESSION_COOKIE}=${sessionToken}` } : {}),
			origin: url
		},
		reconnection: false,
		forceNew: true
	});
	const events: LiveEvent[] = [];
	let reason: string | undefined;
	socket.on('event', (e) => events.push(e));
	socket.on('disconnect', (r) => (reason = r));
	await new Promise<void>((ready, fail) => {
		socket.once('connect', () => ready());
		socket.once('connect_error', fail);
	});
	if (lastEventId !== undefined) socket.emit('catchUp', lastEventId);
	return { socket, events, endedBy: () => reason };
}

export async function until(check: () => boolean, ms = 5000) {
	const end = Date.now() + ms;
	while (!check()) {
		if (Date.now() > end) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 20));
	}
}

export const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
