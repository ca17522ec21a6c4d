import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server, type Socket as ServerSocket } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { broadcast, textFrame } from './broadcast';

describe('textFrame', () => {
	it('writes the length in 7, 16 or 64 bits as RFC 6455 §5.2 says, unmasked and final', () => {
		for (const [length, header] of [
			[125, [0x81, 125]],
			[126, [0x81, 126, 0, 126]],
			[65_535, [0x81, 126, 0xff, 0xff]],
			[65_536, [0x81, 127, 0, 0, 0, 0, 0, 1, 0, 0]]
		] as const) {
			const payload = Buffer.alloc(length, 7);
			const frame = textFrame(payload);
			expect([...frame.subarray(0, header.length)]).toEqual(header);
			expect(frame.subarray(header.length).equals(payload)).toBe(true);
		}
	});
});

describe('broadcast', () => {
	let http: HttpServer;
	let io: Server;
	let url: string;
	const joined: ServerSocket[] = [];

	beforeAll(async () => {
		http = createServer();
		io = new Server(http);
		io.on('connection', (socket) => {
			void socket.join(socket.handshake.auth.room as string);
			if (socket.handshake.auth.also) void socket.join(socket.handshake.auth.also as string);
			joined.push(socket);
		});
		await new Promise<void>((ready) => http.listen(0, '127.0.0.1', ready));
		url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
	});
	afterAll(async () => {
		await io.close();
	});

	async function open(transports: ('websocket' | 'polling')[], auth: Record<string, string>) {
		const socket = connect(url, { transports, auth, reconnection: false, forceNew: true });
		const received: unknown[] = [];
		socket.on('event', (e: unknown) => received.push(e));
		socket.on('hello', (e: unknown) => received.push(e));
		await new Promise<void>((ready, fail) => {
			socket.once('connect', () => ready());
			socket.once('connect_error', fail);
		});
		return { socket, received };
	}

	const until = async (check: () => boolean) => {
		const end = Date.now() + 5000;
		while (!check()) {
			if (Date.now() > end) throw new Error('timed out');
			await new Promise((r) => setTimeout(r, 10));
		}
	};

	it('reaches each socket of the rooms once, on WebSocket and on polling, and no other room', async () => {
		const sockets: Socket[] = [];
		try {
			const both = await open(['websocket'], { room: 'client:a', also: 'staff' });
			const polling = await open(['polling'], { room: 'client:a' });
			const other = await open(['websocket'], { room: 'client:b' });
			sockets.push(both.socket, polling.socket, other.socket);
			// Through Socket.IO, only the polling socket: the WebSocket one gets the frame directly.
			const throughSocketIo = new Set<string>();
			for (const s of joined) {
				const emit = s.emit.bind(s);
				s.emit = ((name: string, ...args: unknown[]) => {
					throughSocketIo.add(s.id);
					return emit(name, ...args);
				}) as typeof s.emit;
			}
			const payload = { id: 1, kind: 'monitor.batch', payload: { text: 'é'.repeat(200) } };
			expect(broadcast(io, ['staff', 'client:a'], 'event', payload)).toBe(2);
			expect([...throughSocketIo]).toEqual([polling.socket.id]);
			await until(() => both.received.length > 0 && polling.received.length > 0);
			await new Promise((r) => setTimeout(r, 100));
			expect(both.received).toEqual([payload]);
			expect(polling.received).toEqual([payload]);
			expect(other.received).toEqual([]);
		} finally {
			for (const s of sockets) s.close();
		}
	});

	it('keeps the order of what Socket.IO had already queued for a socket', async () => {
		const client = await open(['websocket'], { room: 'client:c' });
		try {
			const server = joined.find((s) => s.id === client.socket.id)!;
			// Several emits in one tick: Engine.IO holds the later ones until the first is written.
			for (let i = 0; i < 5; i++) server.emit('hello', { queued: i });
			for (let i = 0; i < 5; i++) broadcast(io, ['client:c'], 'event', { broadcast: i });
			await until(() => client.received.length === 10);
			expect(client.received).toEqual([
				...Array.from({ length: 5 }, (_, i) => ({ queued: i })),
				...Array.from({ length: 5 }, (_, i) => ({ broadcast: i }))
			]);
		} finally {
			client.socket.close();
		}
	});
});
