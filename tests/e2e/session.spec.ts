import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

test('language switch: French by default, English on click, remembered', async ({ page }) => {
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
	await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
	await page.getByTestId('language-switch').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByTestId('language-switch').click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Connexion');
});

test('an English browser gets English without a cookie (Accept-Language)', async ({ browser }) => {
	const context = await browser.newContext({ locale: 'en-US' });
	const page = await context.newPage();
	await page.goto('/login');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
	await context.close();
});

test('a wrong password keeps the e-mail typed and says why', async ({ page }) => {
	await page.goto('/login');
	await page.getByLabel('Adresse e-mail').fill('contact@initech.test');
	await page.getByLabel('Mot de passe').fill('not-the-password');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue('contact@initech.test');
});

test('what is typed before the page has hydrated is kept and signs in', async ({ page }) => {
	// A password manager or a fast typist fills the form while the scripts still load.
	let releaseScripts = () => {};
	const scriptsHeld = new Promise<void>((resolve) => (releaseScripts = resolve));
	await page.route('**/_app/immutable/**/*.js', async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/login', { waitUntil: 'domcontentloaded' });
	await page.getByLabel('Adresse e-mail').fill('admin@acme.test');
	await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
	releaseScripts();
	await page.waitForLoadState('networkidle');
	await expect(page.getByLabel('Adresse e-mail')).toHaveValue('admin@acme.test');
	await page.getByRole('button', { name: 'Se connecter' }).click();
	await expect(page).toHaveURL('/app/acme');
});

test('logout ends the session', async ({ page }) => {
	await signIn(page, 'operator@demo.test');
	const cookie = (await page.context().cookies()).find((c) => c.name === 'portal_session');
	expect(cookie?.httpOnly).toBe(true);
	expect(cookie?.sameSite).toBe('Lax');
	await page.getByRole('button', { name: 'Se déconnecter' }).click();
	await expect(page).toHaveURL('/login');
	await page.goto('/staff');
	await expect(page).toHaveURL(/\/login/);
	await page.context().addCookies([{ ...cookie!, expires: -1 }]);
	const replay = await page.goto('/staff');
	await expect(page).toHaveURL(/\/login/);
	expect(replay?.status()).toBe(200);
});

test('security headers on every page', async ({ request }) => {
	const response = await request.get('/login');
	const h = response.headers();
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-/);
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBeTruthy();
});
