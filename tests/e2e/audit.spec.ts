import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test('a client admin reads the trail in words, filters it and downloads it as CSV', async ({
	page
}) => {
	await signIn(page, 'admin@acme.test');
	await page.goto('/app/acme/audit');
	await expect(page.getByRole('heading', { level: 1 })).toContainText('Journal d');
	const rows = page.getByTestId('audit-row');
	await expect(rows.first()).toBeVisible();
	await page.getByTestId('audit-kind').selectOption('incident.filed');
	await page.getByRole('button', { name: 'Filtrer' }).click();
	await expect(page).toHaveURL(/kind=incident.filed/);
	await expect(rows.first()).toContainText('a déposé un signalement');
	const download = page.waitForEvent('download');
	await page.getByTestId('audit-csv').click();
	const csv = await (await download).createReadStream();
	let text = '';
	for await (const chunk of csv) text += chunk;
	const lines = text.trim().split('\r\n');
	expect(lines.length).toBeGreaterThan(1);
	expect(lines.slice(1).every((l) => l.endsWith('"incident.filed"'))).toBe(true);
});

test('a contact is refused the trail (403); staff read every client', async ({ page, request }) => {
	await signIn(page, 'contact@acme.test');
	const refused = await page.goto('/app/acme/audit');
	expect(refused?.status()).toBe(403);
	expect((await page.request.get('/app/acme/audit.csv')).status()).toBe(403);
	expect((await page.request.get('/staff/audit')).status()).toBe(404);
	expect((await request.get('/staff/audit.csv')).status()).toBe(404);

	await page.context().clearCookies();
	await signIn(page, 'staff@demo.test');
	await page.goto('/staff/audit');
	await expect(page.getByTestId('audit-row').first()).toBeVisible();
	await expect(page.getByTestId('audit-client')).toContainText('Globex');
});
