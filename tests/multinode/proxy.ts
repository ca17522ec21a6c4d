/**
 * A small reverse proxy in front of several portal nodes, for local multi-node runs and the
 * multi-node test. A new visitor goes to the next node in turn and is then kept there by a cookie:
 * Socket.IO's polling transport needs every request of one session on one node (its WebSocket
 * transport does not). WebSocket upgrades are passed through. A node that refuses the connection
 * (stopped, killed) is skipped for the next one, and the cookie moves the visitor there.
 *
 *   node --import tsx tests/multinode/proxy.ts 8080 http://127.0.0.1:3001 http://127.0.0.1:3002
 */
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import { pathToFileURL } from 'node:url';

export const NODE_COOKIE = 'portal_node';

export interface Proxy {
	url: string;
	/** WebSocket upgrades passed to each node, by index. */
	upgrades: number[];
	/** Socket.IO polling requests passed to each node, by index. */
	polls: number[];
	/** Off: upgrades are refused, as by a proxy that does not pass WebSockets. */
	webSockets: boolean;
	close(): Promise<void>;
}

const stickyIndex = (req: IncomingMessage, count: number): number | undefined => {
	const match = new RegExp(`(?:^|;\\s*)${NODE_COOKIE}=(\\d+)`).exec(req.headers.cookie ?? '');
	const index = match ? Number(match[1]) : NaN;
	return index < count ? index : undefined;
};

/** adapter-node reads the client address from the last X-Forwarded-For entry (XFF_DEPTH=1). */
function forwarded(req: IncomingMessage): IncomingHttpHeaders {
	const previous = req.headers['x-forwarded-for'];
	const client = req.socket.remoteAddress ?? '';
	return { ...req.headers, 'x-forwarded-for': previous ? `${previous}, ${client}` : client };
}

export async function startProxy(backends: string[], port = 0, host = '127.0.0.1'): Promise<Proxy> {
	const targets = backends.map((b) => new URL(b));
	const upgrades = targets.map(() => 0);
	const polls = targets.map(() => 0);
	/** Upgraded sockets leave the HTTP server: closing the proxy ends them itself. */
	const tunnels = new Set<Socket>();
	let turn = 0;
	/** The sticky node first (or the next in turn for a new visitor), then the others in order. */
	const order = (req: IncomingMessage) => {
		const first = stickyIndex(req, targets.length) ?? turn++ % targets.length;
		return targets.map((_, i) => (first + i) % targets.length);
	};

	const server = createServer(async (req, res) => {
		const chunks: Buffer[] = [];
		try {
			for await (const chunk of req) chunks.push(chunk as Buffer);
		} catch {
			return;
		}
		const body = Buffer.concat(chunks);
		const sticky = stickyIndex(req, targets.length);
		const attempt = (queue: number[]) => {
			const index = queue[0];
			if (index === undefined) {
				res.writeHead(502, { 'content-type': 'text/plain' }).end('no node answered');
				return;
			}
			const target = targets[index];
			const upstream = request(
				{
					host: target.hostname,
					port: target.port,
					method: req.method,
					path: req.url,
					headers: forwarded(req)
				},
				(answer) => {
					if (req.url?.startsWith('/socket.io/')) polls[index]++;
					const headers = { ...answer.headers };
					if (index !== sticky)
						headers['set-cookie'] = [
							...(headers['set-cookie'] ?? []),
							`${NODE_COOKIE}=${index}; Path=/; HttpOnly; SameSite=Lax`
						];
					res.writeHead(answer.statusCode ?? 502, headers);
					answer.pipe(res);
					answer.once('error', () => res.destroy());
				}
			);
			upstream.once('error', () => (res.headersSent ? res.destroy() : attempt(queue.slice(1))));
			upstream.end(body);
		};
		attempt(order(req));
	});

	server.on('upgrade', (req: IncomingMessage, client: Socket, head: Buffer) => {
		if (!proxy.webSockets) {
			client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
			return;
		}
		const attempt = (queue: number[]) => {
			const index = queue[0];
			if (index === undefined) {
				client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
				return;
			}
			const target = targets[index];
			const upstream = connect(Number(target.port), target.hostname);
			const refused = () => attempt(queue.slice(1));
			upstream.once('error', refused);
			upstream.once('connect', () => {
				upstream.off('error', refused);
				upgrades[index]++;
				tunnels.add(client);
				client.once('close', () => tunnels.delete(client));
				const lines = Object.entries(forwarded(req)).flatMap(([name, value]) =>
					(Array.isArray(value) ? value : [value]).map((v) => `${name}: ${v}`)
				);
				upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`);
				upstream.write(head);
				client.pipe(upstream).pipe(client);
				// Either side gone (a killed node, a closed tab) ends the other: the browser reconnects.
				for (const [a, b] of [
					[client, upstream],
					[upstream, client]
				]) {
					a.once('error', () => b.destroy());
					a.once('close', () => b.destroy());
				}
			});
		};
		client.once('error', () => undefined);
		attempt(order(req));
	});

	await new Promise<void>((ready) => server.listen(port, host, ready));
	const address = server.address();
	const bound = typeof address === 'object' && address ? address.port : port;
	const proxy: Proxy = {
		url: `http://${host}:${bound}`,
		upgrades,
		polls,
		webSockets: true,
		close: () =>
			new Promise<void>((done) => {
				for (const tunnel of tunnels) tunnel.destroy();
				server.closeAllConnections();
				server.close(() => done());
			})
	};
	return proxy;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const [port, ...backends] = process.argv.slice(2);
	if (!port || backends.length === 0) {
		console.error('usage: proxy.ts <port> <node url>…');
		process.exit(2);
	}
	const proxy = await startProxy(backends, Number(port), process.env.HOST ?? '0.0.0.0');
	console.log(`[proxy] ${proxy.url} → ${backends.join(', ')}`);
}
