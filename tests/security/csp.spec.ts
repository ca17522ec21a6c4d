import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { anonymous, signedIn } from './helpers';

/**
 * The public status page is served to anonymous visitors from one stored copy
 * (src/cli/public-cache.ts): the same bytes for everyone, so it carries no nonce any visitor could
 * learn and reuse. Its inline scripts are allowed by their hashes, each page's CSP as strict as
 * with a nonce; every other page, and a signed-in visitor's /status, keeps a nonce of its own.
 */

const nonceOfHeader = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

function inlineScripts(html: string) {
	return [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
		.filter((m) => !/\bsrc=/.test(m[1]))
		.map((m) => ({ attributes: m[1], body: m[2] }));
}

test('anonymous visitors of /status share a page with no nonce, each inline script allowed by its hash', async () => {
	const visitors = await Promise.all([anonymous(), anonymous(), anonymous()]);
	const responses = await Promise.all(visitors.map((v) => v.get('/status')));
	const pages = new Set<string>();
	for (const response of responses) {
		expect(response.status()).toBe(200);
		const csp = response.headers()['content-security-policy'];
		expect(csp).not.toContain("'nonce-");
		const scriptSrc = /script-src ([^;]*)/.exec(csp)![1].split(' ');
		expect(scriptSrc).not.toContain("'unsafe-inline'");
		const html = await response.text();
		expect(html).not.toMatch(/\snonce=/);
		const scripts = inlineScripts(html);
		expect(scripts.length).toBeGreaterThan(0);
		for (const { body } of scripts) {
			const hash = createHash('sha256').update(body).digest('base64');
			expect(scriptSrc).toContain(`'sha256-${hash}'`);
		}
		pages.add(html);
	}
	expect(pages.size).toBe(1);
	await Promise.all(visitors.map((v) => v.dispose()));
});

test('the shared page runs without a CSP violation, and an injected inline script would not', async ({
	page
}) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.goto('/status');
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	expect(violations).toEqual([]);
	const ran = await page.evaluate(() => {
		const script = document.createElement('script');
		script.textContent = 'window.__injected = true';
		document.body.append(script);
		return (window as unknown as { __injected?: boolean }).__injected === true;
	});
	expect(ran).toBe(false);
});

test('a signed-in visitor of /status is never served the anonymous copy', async () => {
	const member = await signedIn('viewer@globex.test');
	const guest = await anonymous();
	// The guest fills the cache first; the member asks at the same time.
	const [anon, mine] = await Promise.all([guest.get('/status'), member.get('/status')]);
	expect(anon.headers()['cache-control']).toBe('public, max-age=5');
	expect(mine.headers()['cache-control']).toBe('private, no-store');
	expect(nonceOfHeader(anon.headers()['content-security-policy'])).toBeUndefined();
	const nonce = nonceOfHeader(mine.headers()['content-security-policy']);
	expect(nonce, 'a render of its own, with its own nonce').toBeTruthy();
	for (const { attributes } of inlineScripts(await mine.text()))
		expect(attributes).toContain(`nonce="${nonce}"`);
	const data = await member.get('/status/__data.json');
	expect(data.headers()['cache-control']).toBe('private, no-store');
	await Promise.all([member.dispose(), guest.dispose()]);
});
