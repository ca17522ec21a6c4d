import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeResolver, publicCache } from './public-cache';

/** A server standing for start.ts: its own renders (the cache's requests) number each answer. */
let server: Server;
let origin = '';
let renders = 0;
let failing = false;
let cache: ReturnType<typeof publicCache>;

function get(path: string, headers: Record<string, string> = {}) {
	return new Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }>(
		(done, fail) => {
			request(origin + path, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () =>
					done({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) })
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
			if (failing) return void res.writeHead(500).end('down');
			const locale = /PARAGLIDE_LOCALE=(\w+)/.exec(req.headers.cookie ?? '')?.[1];
			res.writeHead(200, {
				'content-type': 'text/html',
				'cache-control': 'public, max-age=5',
				vary: 'Cookie, Accept-Language',
				'x-request-id': 'render'
			});
			return void res.end(`<p>${locale} ${req.url} #${renders}</p>`.padEnd(3000, ' '));
		}
		const fallback = () => void res.writeHead(200).end('fallback');
		if (!cache.serve(req, res, fallback)) res.writeHead(200).end('framework');
	});
	await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
	origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	// No grace after an invalidation: the next request waits for the new render.
	cache = publicCache(origin, { graceMs: 0 });
});

afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('publicCache (anonymous /status in front of SvelteKit)', () => {
	it('renders once per language and serves the stored copy, compressed as asked', async () => {
		const before = renders;
		const fr = await get('/status', { 'accept-encoding': 'br, gzip' });
		expect(fr.headers['content-encoding']).toBe('br');
		expect(brotliDecompressSync(fr.body).toString()).toMatch(/^<p>fr \/status #\d+<\/p>/);
		expect(fr.headers.vary).toBe('Cookie, Accept-Language, Accept-Encoding');
		expect(fr.headers['x-request-id']).toBeUndefined();
		const again = await get('/status', { 'accept-encoding': 'br', cookie: 'theme=dark' });
		expect(again.body.equals(fr.body)).toBe(true);
		// The same language, chosen by cookie or by Accept-Language: one render.
		const en = await get('/status', { cookie: 'PARAGLIDE_LOCALE=en' });
		const en2 = await get('/status', { 'accept-language': 'en-US,en;q=0.9' });
		expect(en.body.toString()).toMatch(/^<p>en \/status/);
		expect(en2.body.equals(en.body)).toBe(true);
		expect(en.headers['content-encoding']).toBeUndefined();
		expect(renders - before).toBe(2);
	});

	it('answers 304 to If-None-Match with the copy tag', async () => {
		const first = await get('/status/__data.json', { 'accept-encoding': 'gzip' });
		const etag = first.headers.etag!;
		const revalidated = await get('/status/__data.json', {
			'accept-encoding': 'gzip',
			'if-none-match': etag
		});
		expect(revalidated.status).toBe(304);
		expect(revalidated.body.length).toBe(0);
		expect(revalidated.headers.etag).toBe(etag);
		expect(revalidated.headers['cache-control']).toBe('public, max-age=5');
	});

	it('never serves a signed-in visitor, another method or another path', async () => {
		expect((await get('/status', { cookie: 'a=1; portal_session=x' })).body.toString()).toBe(
			'framework'
		);
		expect((await get('/status/feed.atom')).body.toString()).toBe('framework');
		expect((await get('/login')).body.toString()).toBe('framework');
	});

	it('renders again after invalidate, and leaves a failed render to the framework', async () => {
		const before = (await get('/status?v=1')).body.toString();
		expect((await get('/status?v=1')).body.toString()).toBe(before);
		cache.invalidate();
		expect((await get('/status?v=1')).body.toString()).not.toBe(before);
		failing = true;
		cache.invalidate();
		expect((await get('/status?v=1')).body.toString()).toBe('fallback');
		failing = false;
	});
});

describe('localeResolver', () => {
	it('follows paraglide: the cookie, else Accept-Language, else French', () => {
		const localeOf = localeResolver('http://localhost');
		expect(localeOf('PARAGLIDE_LOCALE=en', 'fr')).toBe('en');
		expect(localeOf('', 'de-DE, en;q=0.8')).toBe('en');
		expect(localeOf('PARAGLIDE_LOCALE=xx', 'de')).toBe('fr');
		expect(localeOf('', '')).toBe('fr');
	});
});
