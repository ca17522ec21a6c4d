import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

test('a signed-out visitor of a client page signs in and lands back on it', async ({ page }) => {
	await page.goto('/app/acme/incidents?status=open');
	await expect(page).toHaveURL(/\/login\?redirectTo=%2Fapp%2Facme%2Fincidents%3Fstatus%3Dopen$/);
	await page.getByLabel(/adresse e-mail|e-mail address/i).fill('viewer@acme.test');
	await page.getByLabel(/^mot de passe$|^password$/i).fill(DEMO_PASSWORD);
	await page.getByRole('button', { name: /se connecter|sign in/i }).click();
	await expect(page).toHaveURL(/\/app\/acme\/incidents\?status=open$/);
});

test("a member asking for another client's page still gets 404", async ({ page }) => {
	await signIn(page, 'viewer@acme.test');
	const response = await page.goto('/app/globex/incidents');
	expect(response?.status()).toBe(404);
});

test('the public status page is linked from the sign-in page and the header', async ({ page }) => {
	await page.goto('/login');
	await page.getByTestId('status-link').click();
	await expect(page).toHaveURL(/\/status$/);
	await expect(page.getByTestId('header-status-link')).toBeVisible();
});

test('the API answers in English whatever the language of the caller', async ({ request }) => {
	const unauthenticated = await request.get('/api/v1/clients', {
		headers: {
			'accept-language': 'fr',
			authorization: 'Bearer nope',
			cookie: 'PARAGLIDE_LOCALE=fr'
		}
	});
	expect(unauthenticated.status()).toBe(401);
	const body = await unauthenticated.json();
	expect(body.error.message).toMatch(/token/i);
	expect(body.error.message).not.toMatch(/jeton|invalide/i);
});
