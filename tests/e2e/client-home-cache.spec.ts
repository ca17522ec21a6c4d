import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const admin = { authorization: 'Bearer demo-admin-token' };
const extranetName = (page: import('@playwright/test').Page) =>
	page.locator('li[data-key="extranet"] [data-testid="component-name"]');

test('a client home is served again to its session, hash-allowed, and fresh after any change', async ({
	browser
}) => {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, 'viewer@acme.test');
	const first = await page.goto('/app/acme');
	const csp = first!.headers()['content-security-policy'];
	// A copy served again must not share a nonce: its inline scripts are allowed by their hashes.
	expect(csp).toMatch(/'sha256-/);
	expect(csp).not.toMatch(/'nonce-/);
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');
	const again = await page.goto('/app/acme');
	expect(again!.headers().etag).toBe(first!.headers().etag);
	await expect(page.getByTestId('live-indicator')).toHaveText('En direct');

	// A write elsewhere (an admin token, not this session) is seen at the very next load.
	const original = (await extranetName(page).textContent())!.trim();
	const renamed = await page.request.patch('/api/v1/clients/acme/components/extranet', {
		headers: admin,
		data: { name: 'Extranet (cache)' }
	});
	expect(renamed.status()).toBe(200);
	await page.goto('/app/acme');
	await expect(extranetName(page)).toHaveText('Extranet (cache)');
	await page.request.patch('/api/v1/clients/acme/components/extranet', {
		headers: admin,
		data: { name: original }
	});
	await page.goto('/app/acme');
	await expect(extranetName(page)).toHaveText(original);

	// Another client's session never gets acme's copy; a signed-out browser is sent to sign in.
	const other = await browser.newContext();
	const globex = await other.newPage();
	await signIn(globex, 'viewer@globex.test');
	expect((await globex.goto('/app/acme'))!.status()).toBe(404);
	const cookie = (await context.cookies()).find((c) => c.name === 'portal_session')!;
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL('/login');
	// Even replaying the ended session's cookie gets no copy of its page.
	await context.addCookies([{ ...cookie, expires: -1 }]);
	await page.goto('/app/acme');
	await expect(page).toHaveURL(/\/login/);
	await context.close();
	await other.close();
});
