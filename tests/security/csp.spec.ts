import { expect, test } from '@playwright/test';
import { anonymous, signedIn } from './helpers';

/**
 * The public status page is served from a half-second response cache (src/cli/public-cache.ts):
 * each copy must still carry its own CSP nonce, or every visitor of that half second would run
 * with the same one (and could learn it by fetching the page).
 */

const nonceOfHeader = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? '')?.[1];

function inlineScripts(html: string) {
	return [...html.matchAll(/<script\b([^>]*)>/g)]
		.map((m) => m[1])
		.filter((attrs) => !/\bsrc=/.test(attrs));
}

test('two visitors of /status within the cache window get different nonces, each matching its page', async () => {
	const visitors = await Promise.all([anonymous(), anonymous(), anonymous()]);
	const responses = await Promise.all(visitors.map((v) => v.get('/status')));
	const nonces = new Set<string>();
	for (const response of responses) {
		expect(response.status()).toBe(200);
		const nonce = nonceOfHeader(response.headers()['content-security-policy']);
		expect(nonce, 'the CSP header names a nonce').toBeTruthy();
		const scripts = inlineScripts(await response.text());
		expect(scripts.length).toBeGreaterThan(0);
		for (const attrs of scripts) expect(attrs).toContain(`nonce="${nonce}"`);
		nonces.add(nonce!);
	}
	expect(nonces.size).toBe(responses.length);
	await Promise.all(visitors.map((v) => v.dispose()));
});

test('the page still runs with the rewritten nonce, without a CSP violation', async ({ page }) => {
	const violations: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
	});
	await page.goto('/status');
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	expect(violations).toEqual([]);
});

test('a signed-in visitor of /status is never served the anonymous copy', async () => {
	const member = await signedIn('viewer@globex.test');
	const guest = await anonymous();
	// The guest fills the cache first; the member asks within the same half second.
	const [anon, mine] = await Promise.all([guest.get('/status'), member.get('/status')]);
	// Per-response nonce: not even the anonymous copy is for a shared cache.
	expect(anon.headers()['cache-control']).toBe('private, max-age=5');
	expect(mine.headers()['cache-control']).toBe('private, no-store');
	expect(nonceOfHeader(mine.headers()['content-security-policy'])).not.toBe(
		nonceOfHeader(anon.headers()['content-security-policy'])
	);
	const data = await member.get('/status/__data.json');
	expect(data.headers()['cache-control']).toBe('private, no-store');
	await Promise.all([member.dispose(), guest.dispose()]);
});
