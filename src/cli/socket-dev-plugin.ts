import type { Plugin } from 'vite';
import { Server } from 'socket.io';

const IO_KEY = Symbol.for('hosting-portal.io');

/** `vite dev`: Socket.IO on Vite's own HTTP server; hooks.server.ts's init wires it up. */
export function socketDevServer(): Plugin {
	return {
		name: 'hosting-portal-socket-dev',
		configureServer(server) {
			if (!server.httpServer) return;
			const g = globalThis as Record<symbol, unknown>;
			g[IO_KEY] ??= new Server(server.httpServer, { serveClient: false });
		}
	};
}
