import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

const landings = [
	['staff@demo.test', '/staff', 'Clients'],
	['operator@demo.test', '/staff', 'Clients'],
	['admin@acme.test', '/app/acme', 'Acme Industries'],
	['contact@globex.test', '/app/globex', 'Globex Logistique'],
	['viewer@initech.test', '/app/initech', 'Initech Santé']
] as const;

for (const [email, path, heading] of landings) {
	test(`${email} lands on ${path}`, async ({ page }) => {
		await signIn(page, email);
		await expect(page).toHaveURL(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
		await expect(page.locator('h1')).toHaveCount(1);
	});
}

test("a client's user gets 404 for another client's pages and API, as for a missing one", async ({
	page
}) => {
	await signIn(page, 'viewer@acme.test');
	for (const path of [
		'/app/globex',
		'/app/globex/contract',
		'/app/does-not-exist',
		'/staff',
		'/staff/clients/acme'
	]) {
		const response = await page.goto(path);
		expect(response?.status(), path).toBe(404);
	}
	const api = await page.request.get('/api/v1/clients/globex/components');
	expect(api.status()).toBe(404);
	expect((await api.json()).error.code).toBe('not_found');
	const own = await page.request.get('/api/v1/clients/acme/components');
	expect(own.status()).toBe(200);
});

test('the client sees its contract read-only', async ({ page }) => {
	await signIn(page, 'contact@acme.test');
	await page.getByRole('link', { name: 'Contrat' }).click();
	await expect(page.getByTestId('sla-target')).toContainText('99,9 %');
	await expect(page.locator('form[action*="contract"]')).toHaveCount(0);
});

test("an operator reads a client's contract as text; a staff admin edits it", async ({
	browser
}) => {
	const operator = await browser.newPage();
	await signIn(operator, 'operator@demo.test');
	await operator.goto('/staff/clients/acme');
	const contract = operator.locator('section[aria-labelledby="contract-title"]');
	await expect(contract.getByTestId('contract-read-only')).toContainText('alteo');
	await expect(contract.getByTestId('contract-read-only')).toContainText('2 500,00 €');
	await expect(contract.locator('input, select, textarea, button')).toHaveCount(0);
	await operator.close();

	const admin = await browser.newPage();
	await signIn(admin, 'staff@demo.test');
	await admin.goto('/staff/clients/acme');
	const editable = admin.locator('section[aria-labelledby="contract-title"]');
	await expect(editable.getByLabel('Modèle de contrat')).toHaveValue('alteo');
	await expect(editable.getByRole('button', { name: 'Enregistrer' })).toBeVisible();
	await admin.close();
});
