import type { Server, Socket } from 'socket.io';

/** Socket.IO's packet type for an event (socket.io-parser's PacketType.EVENT). */
const SOCKET_IO_EVENT = 2;
/** Engine.IO's packet type for a message, as the text protocol writes it. */
const ENGINE_IO_MESSAGE = '4';

/** What of Engine.IO's connection and transport the fast path reads (not in their public types). */
interface EngineConnection {
	readyState: string;
	writeBuffer: unknown[];
	transport: {
		name: string;
		writable: boolean;
		perMessageDeflate?: unknown;
		socket?: { readyState: number; _socket?: { writable: boolean; write(chunk: Buffer): boolean } };
	};
}

const WS_OPEN = 1;

/** One unmasked, final WebSocket text frame around `payload` (RFC 6455 §5.2). */
export function textFrame(payload: Buffer): Buffer {
	const length = payload.length;
	const headerLength = length < 126 ? 2 : length < 65_536 ? 4 : 10;
	const frame = Buffer.allocUnsafe(headerLength + length);
	frame[0] = 0x81;
	if (headerLength === 2) frame[1] = length;
	else if (headerLength === 4) {
		frame[1] = 126;
		frame.writeUInt16BE(length, 2);
	} else {
		frame[1] = 127;
		frame.writeUInt32BE(0, 2);
		frame.writeUInt32BE(length, 6);
	}
	payload.copy(frame, headerLength);
	return frame;
}

/**
 * The raw TCP socket of a connection that can take a frame now without passing anything Engine.IO
 * holds back: open, on WebSocket, nothing queued, no compression. Otherwise null.
 */
function idleWebSocket(socket: Socket) {
	const conn = socket.conn as unknown as Partial<EngineConnection>;
	const transport = conn.transport;
	// Anything unexpected (another Engine.IO's internals) leaves the socket to Socket.IO.
	if (conn.readyState !== 'open' || conn.writeBuffer?.length !== 0 || !transport) return null;
	if (transport.name !== 'websocket' || transport.writable !== true || transport.perMessageDeflate)
		return null;
	const raw = transport.socket?._socket;
	return transport.socket?.readyState === WS_OPEN && raw?.writable ? raw : null;
}

/**
 * Emits `name` with `data` to every socket of `rooms`, once each. Socket.IO's own broadcast spends
 * most of a large room's time in per-socket bookkeeping (packet objects, events, a cork and a
 * writev); here the frame is built once and each idle WebSocket gets it in one write. A socket
 * that is not idle (polling, upgrading, writes pending) goes through Socket.IO, which keeps order.
 */
export function broadcast(io: Server, rooms: string[], name: string, data: unknown): number {
	const nsp = io.of('/');
	const encoded = io.encoder.encode({ type: SOCKET_IO_EVENT, nsp: '/', data: [name, data] });
	const frame =
		encoded.length === 1 && typeof encoded[0] === 'string'
			? textFrame(Buffer.from(ENGINE_IO_MESSAGE + encoded[0]))
			: null;
	const reached = new Set<string>();
	for (const room of rooms) {
		const members = nsp.adapter.rooms.get(room);
		if (!members) continue;
		for (const id of members) {
			if (reached.has(id)) continue;
			reached.add(id);
			const socket = nsp.sockets.get(id);
			if (!socket) continue;
			const raw = frame && idleWebSocket(socket);
			if (raw) raw.write(frame);
			else socket.emit(name as never, data as never);
		}
	}
	return reached.size;
}
