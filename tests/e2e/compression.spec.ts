import { request as httpRequest } from 'node:http';
import { brotliDecompressSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const encodingOf = async (
	request: import('@playwright/test').APIRequestContext,
	path: string,
	acceptEncoding: string
) =>
	(await request.get(path, { headers: { 'accept-encoding': acceptEncoding } })).headers()[
		'content-encoding'
	];

test('HTML, JSON and text over 1 KB leave compressed, brotli or gzip as the client asks', async ({
	request
}) => {
	for (const path of [
		'/status',
		'/status/__data.json',
		'/api/v1/openapi.json',
		'/status/feed.atom'
	]) {
		expect(await encodingOf(request, path, 'br, gzip'), path).toBe('br');
		expect(await encodingOf(request, path, 'gzip'), path).toBe('gzip');
		expect(await encodingOf(request, path, 'identity'), path).toBeUndefined();
	}
	expect(await encodingOf(request, '/healthz', 'br, gzip')).toBeUndefined();
});

test('static assets are served from the files precompressed at build', async ({ request }) => {
	const html = await (
		await request.get('/status', { headers: { 'accept-encoding': 'identity' } })
	).text();
	const file = /"[./]*(_app\/immutable\/[^"]+\.js)"/.exec(html)?.[1];
	expect(file).toBeTruthy();
	expect(await encodingOf(request, `/${file}`, 'br')).toBe('br');
	expect(await encodingOf(request, `/${file}`, 'gzip')).toBe('gzip');
});

test('a signed-in page is compressed too', async ({ page }) => {
	await signIn(page, 'viewer@acme.test');
	const response = await page.goto('/app/acme');
	expect(response?.headers()['content-encoding']).toMatch(/^(br|gzip)$/);
});

/** The bytes as sent (Playwright's client would decode them). */
const rawGet = (url: string, headers: Record<string, string>) =>
	new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>(
		(done, fail) => {
			httpRequest(url, { headers }, (res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => done({ headers: res.headers, body: Buffer.concat(chunks) }));
			})
				.on('error', fail)
				.end();
		}
	);

test('the public status page is stored compressed once, and revalidated by its tag', async ({
	request,
	baseURL
}) => {
	for (const path of ['/status', '/status/__data.json']) {
		const br = await rawGet(`${baseURL}${path}`, { 'accept-encoding': 'br' });
		// Compressed per request, it would stream without a length; stored, it has one and a tag.
		expect(br.headers['content-encoding'], path).toBe('br');
		expect(Number(br.headers['content-length']), path).toBe(br.body.length);
		expect(br.headers.vary, path).toContain('Accept-Encoding');
		const etag = String(br.headers.etag);
		expect(etag, path).toMatch(/^"[\w-]+-br"$/);
		const plain = await request.get(path, { headers: { 'accept-encoding': 'identity' } });
		expect(plain.headers().etag, path).toBe(etag.replace(/-br"$/, '"'));
		expect(brotliDecompressSync(br.body).equals(await plain.body()), path).toBe(true);
		const again = await request.get(path, {
			headers: { 'accept-encoding': 'br', 'if-none-match': etag }
		});
		expect(again.status(), path).toBe(304);
		expect(again.headers().etag, path).toBe(etag);
		expect((await again.body()).length, path).toBe(0);
	}
});
