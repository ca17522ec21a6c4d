import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientHomeCache } from './client-home-cache';

/**
 * A server standing for start.ts: its renders (the cache's own requests) answer with the session
 * they were asked for and a render number, renew the session cookie, and may set another cookie.
 */
let server: Server;
let origin = '';
let renders = 0;
let status = 200;
let extraCookie = '';
let cache: ReturnType<typeof clientHomeCache>;

function call(path: string, headers: Record<string, string> = {}, method = 'GET') {
	return new Promise<{ status: number; headers: IncomingHttpHeaders; body: string }>(
		(done, fail) => {
			request(origin + path, { headers, method }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					done({
						status: res.statusCode!,
						headers: res.headers,
						body: Buffer.concat(chunks).toString()
					})
				);
			})
				.on('error', fail)
				.end();
		}
	);
}

beforeAll(async () => {
	server = createServer((req, res) => {
		if (req.headers['x-portal-render']) {
			renders++;
			const token = /portal_session=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
			const cookies = [`portal_session=${token}; Path=/; HttpOnly`];
			if (extraCookie) cookies.push(extraCookie);
			res.writeHead(status, { 'content-type': 'text/html', 'set-cookie': cookies });
			return void res.end(`<p>${token} ${req.url} #${renders}</p>`);
		}
		const fallback = () => void res.writeHead(200).end('fallback');
		if (!cache.serve(req, res, fallback)) res.writeHead(200).end('framework');
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	cache = clientHomeCache(origin);
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

const alice = { cookie: 'portal_session=alice' };
const bob = { cookie: 'portal_session=bob' };

describe('clientHomeCache (a session’s /app/<client> in front of SvelteKit)', () => {
	it('serves a session its own render again, never another session’s', async () => {
		const first = await call('/app/acme', alice);
		expect(first.body).toMatch(/^<p>alice \/app\/acme #\d+<\/p>$/);
		// The session's renewal is not replayed from the copy.
		expect(first.headers['set-cookie']).toBeUndefined();
		expect((await call('/app/acme', alice)).body).toBe(first.body);
		const other = await call('/app/acme', bob);
		expect(other.body).toMatch(/^<p>bob \/app\/acme/);
		// Another cookie beside the session is another key.
		const more = await call('/app/acme', { cookie: 'portal_session=alice; theme=dark' });
		expect(more.body).not.toBe(first.body);
	});

	it('renders again after any write request this node answers, or an invalidation', async () => {
		const before = (await call('/app/acme', alice)).body;
		expect((await call('/app/acme/incidents', alice, 'POST')).body).toBe('framework');
		const after = (await call('/app/acme', alice)).body;
		expect(after).not.toBe(before);
		cache.invalidate();
		expect((await call('/app/acme', alice)).body).not.toBe(after);
	});

	it('leaves other paths, other methods and anonymous visitors to the framework', async () => {
		expect((await call('/app/acme')).body).toBe('framework');
		expect((await call('/app/acme/incidents', alice)).body).toBe('framework');
		expect((await call('/app/acme?page=2', alice)).body).toBe('framework');
		expect((await call('/app/acme', alice, 'HEAD')).status).toBe(200);
		expect((await call('/status', alice)).body).toBe('framework');
	});

	it('stores no redirect, error or response setting another cookie', async () => {
		cache.invalidate();
		status = 303;
		expect((await call('/app/acme', alice)).body).toBe('fallback');
		status = 200;
		extraCookie = 'flash=1; Path=/';
		expect((await call('/app/acme', alice)).body).toBe('fallback');
		extraCookie = '';
		const stored = (await call('/app/acme', alice)).body;
		expect((await call('/app/acme', alice)).body).toBe(stored);
	});
});
