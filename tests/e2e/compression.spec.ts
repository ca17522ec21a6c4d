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
