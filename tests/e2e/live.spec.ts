import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test("a staff rename reaches the client's open page without reload", async ({ browser }) => {
	const clientContext = await browser.newContext();
	const staffContext = await browser.newContext();
	const clientPage = await clientContext.newPage();
	const staffPage = await staffContext.newPage();

	await signIn(clientPage, 'admin@acme.test');
	await expect(clientPage.getByTestId('live-indicator')).toHaveText('En direct');
	await clientPage.evaluate(() => ((window as unknown as { marker: number }).marker = 42));

	await signIn(staffPage, 'staff@demo.test');
	await staffPage.goto('/staff/clients/acme');
	const row = staffPage.locator('tr[data-key="web-1"]');
	await row.getByLabel('Nom').fill('Serveur web principal');
	await row.getByRole('button', { name: 'Enregistrer' }).click();
	await expect(staffPage.getByText('Enregistré.')).toBeVisible();

	await expect(
		clientPage.locator('li[data-key="web-1"] [data-testid="component-name"]')
	).toHaveText('Serveur web principal');
	expect(await clientPage.evaluate(() => (window as unknown as { marker: number }).marker)).toBe(
		42
	);

	await clientContext.close();
	await staffContext.close();
});
