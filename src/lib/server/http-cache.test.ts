import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { negotiate, notModified, ResponseCache, toCopy, type Rendered } from './http-cache';

const page = (text: string, headers: Record<string, string> = {}): Rendered => ({
	status: 200,
	headers: { 'content-type': 'text/html', vary: 'Cookie, Accept-Language', ...headers },
	body: Buffer.from(text)
});
const body = (copy: unknown) =>
	(copy as { variants: { identity: { body: Buffer } } }).variants.identity.body.toString();

/** A render the test finishes when it likes. */
function gate() {
	const renders: ((r: Rendered) => void)[] = [];
	const render = () => new Promise<Rendered>((done) => renders.push(done));
	return { render, renders };
}

describe('toCopy (stored once per encoding)', () => {
	it('keeps brotli, gzip and identity bodies of the same entity, with tags and Vary', async () => {
		const html = '<p>état</p>'.repeat(500);
		const copy = await toCopy(page(html, { 'x-request-id': 'r1', 'content-length': '9' }));
		expect(brotliDecompressSync(copy.variants.br.body).toString()).toBe(html);
		expect(gunzipSync(copy.variants.gzip.body).toString()).toBe(html);
		expect(copy.variants.identity.body.toString()).toBe(html);
		expect(copy.variants.br.headers['content-encoding']).toBe('br');
		expect(copy.variants.gzip.headers['content-encoding']).toBe('gzip');
		expect(copy.variants.identity.headers['content-encoding']).toBeUndefined();
		expect(copy.variants.br.headers['content-length']).toBe(String(copy.variants.br.body.length));
		expect(copy.variants.br.headers.vary).toBe('Cookie, Accept-Language, Accept-Encoding');
		expect(copy.variants.br.headers['x-request-id']).toBeUndefined();
		expect(new Set(copy.etags).size).toBe(3);
		expect(copy.notModified.br).toEqual({
			etag: copy.variants.br.headers.etag,
			vary: 'Cookie, Accept-Language, Accept-Encoding'
		});
	});

	it('leaves a small body uncompressed', async () => {
		const copy = await toCopy(page('<p>ok</p>'));
		expect(copy.variants.br).toBe(copy.variants.identity);
		expect(copy.etags).toHaveLength(1);
	});
});

describe('negotiate and notModified', () => {
	it('serves brotli, else gzip, else the plain body, as Accept-Encoding allows', () => {
		expect(negotiate('gzip, deflate, br, zstd')).toBe('br');
		expect(negotiate('br, gzip')).toBe('br');
		expect(negotiate('gzip')).toBe('gzip');
		expect(negotiate('gzip;q=1, br;q=0.5')).toBe('gzip');
		expect(negotiate('br;q=0, gzip;q=0.2')).toBe('gzip');
		expect(negotiate('identity')).toBe('identity');
		expect(negotiate('*')).toBe('br');
		expect(negotiate(undefined)).toBe('identity');
		expect(negotiate('deflate')).toBe('identity');
	});

	it('answers 304 for any tag of the copy, weak or not, and for *', async () => {
		const copy = await toCopy(page('x'.repeat(2000)));
		expect(notModified(copy.variants.gzip.headers.etag, copy)).toBe(true);
		expect(notModified(`"other", W/${copy.variants.br.headers.etag}`, copy)).toBe(true);
		expect(notModified('*', copy)).toBe(true);
		expect(notModified('"other"', copy)).toBe(false);
		expect(notModified(undefined, copy)).toBe(false);
	});
});

describe('ResponseCache', () => {
	it('renders once for concurrent requests, then serves the copy at once', async () => {
		let now = 0;
		const cache = new ResponseCache({ now: () => now });
		const { render, renders } = gate();
		const first = cache.lookup('fr /status', render);
		const second = cache.lookup('fr /status', render);
		expect(renders).toHaveLength(1);
		renders[0](page('v1'));
		expect(body(await first)).toBe('v1');
		expect(await second).toBe(await first);
		now = 1000;
		expect(body(cache.lookup('fr /status', render))).toBe('v1');
		expect(cache.lookup('en /status', render)).toBeInstanceOf(Promise);
	});

	it('past freshness serves the old copy while one render replaces it; too old, waits', async () => {
		let now = 0;
		const cache = new ResponseCache({ freshMs: 100, staleMs: 1000, now: () => now });
		const { render, renders } = gate();
		const first = cache.lookup('k', render);
		renders[0](page('v1'));
		await first;
		now = 200;
		expect(body(cache.lookup('k', render))).toBe('v1');
		expect(body(cache.lookup('k', render))).toBe('v1');
		expect(renders).toHaveLength(2);
		renders[1](page('v2'));
		await new Promise((done) => setTimeout(done, 20));
		expect(body(cache.lookup('k', render))).toBe('v2');
		now = 2000;
		const late = cache.lookup('k', render);
		expect(late).toBeInstanceOf(Promise);
		renders[2](page('v3'));
		expect(body(await late)).toBe('v3');
	});

	it('after invalidate, waits for a render begun after it, even when one was under way', async () => {
		const cache = new ResponseCache({ graceMs: 0, now: () => 0 });
		const { render, renders } = gate();
		const first = cache.lookup('k', render);
		renders[0](page('v1'));
		await first;
		const before = cache.lookup('k', render);
		expect(body(before)).toBe('v1');
		cache.invalidate();
		const early = cache.lookup('k', render);
		expect(early).toBeInstanceOf(Promise);
		// A change lands while that render is under way: it may predate it.
		cache.invalidate();
		const later = cache.lookup('k', render);
		expect(renders).toHaveLength(3);
		renders[2](page('v3'));
		renders[1](page('v2'));
		expect(body(await early)).toBe('v2');
		expect(body(await later)).toBe('v3');
		expect(body(cache.lookup('k', render))).toBe('v3');
	});

	it('serves the outdated copy for the grace after invalidate, while the new render is made', async () => {
		let now = 0;
		const cache = new ResponseCache({ graceMs: 100, now: () => now });
		const { render, renders } = gate();
		const first = cache.lookup('k', render);
		renders[0](page('v1'));
		await first;
		now = 1000;
		cache.invalidate();
		now = 1050;
		expect(body(cache.lookup('k', render))).toBe('v1');
		expect(body(cache.lookup('k', render))).toBe('v1');
		expect(renders).toHaveLength(2);
		now = 1101;
		const waiting = cache.lookup('k', render);
		expect(waiting).toBeInstanceOf(Promise);
		expect(renders).toHaveLength(2);
		renders[1](page('v2'));
		expect(body(await waiting)).toBe('v2');
		expect(body(cache.lookup('k', render))).toBe('v2');
	});

	it('never stores an error, a response setting a cookie, or a page with a nonce', async () => {
		const cache = new ResponseCache({ now: () => 0 });
		const answers: Rendered[] = [
			{ ...page('oops'), status: 500 },
			page('c', { 'set-cookie': 'a=b' }),
			page('n', { 'content-security-policy': "script-src 'self' 'nonce-abc'" }),
			page('ok', { 'content-security-policy': "script-src 'self' 'sha256-abc'" })
		];
		for (const [i, answer] of answers.entries()) {
			const found = await cache.lookup(`k${i}`, async () => answer);
			expect(found === null).toBe(i < 3);
		}
		expect(await cache.lookup('boom', () => Promise.reject(new Error('down')))).toBeNull();
	});

	it('keeps a bounded number of keys, dropping the oldest', async () => {
		const cache = new ResponseCache({ kept: 2, now: () => 0 });
		let renders = 0;
		const render = async () => page(`v${++renders}`);
		for (const key of ['a', 'b', 'c']) await cache.lookup(key, render);
		expect(cache.lookup('c', render)).not.toBeInstanceOf(Promise);
		expect(cache.lookup('a', render)).toBeInstanceOf(Promise);
	});
});
