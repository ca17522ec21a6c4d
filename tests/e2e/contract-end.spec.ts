import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

/** A calendar date `days` from today, as the date input takes it. */
const inDays = (days: number) =>
	new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("staff record a contract's end; the client's users see the end, the export window and the destruction date", async ({
	browser
}) => {
	test.setTimeout(120_000);
	// Pages of their own contexts: axe analyses a page only in a context made by newContext().
	const staff = await (await browser.newContext()).newPage();
	await signIn(staff, 'staff@demo.test');
	await staff.goto('/staff/clients/duval');
	const panel = staff.getByTestId('contract-end-panel');
	await expect(panel.getByText(/aucune fin de contrat/i)).toBeVisible();

	// A date whose destruction would already be past is refused, the field named, the value kept.
	const field = panel.getByLabel(/date de fin du contrat/i);
	await field.fill('2020-01-15');
	await panel.getByRole('button', { name: /enregistrer la fin/i }).click();
	await expect(panel.locator('#endsOn-error')).toContainText(/déjà passée/i);
	await expect(field).toHaveValue('2020-01-15');

	// 002 art. 7.3 (preset defi): export until the end date, destruction one month after it.
	const endsOn = inDays(40);
	await field.fill(endsOn);
	await panel.getByRole('button', { name: /enregistrer la fin/i }).click();
	await expect(panel.getByText(/fin de contrat enregistrée/i)).toBeVisible();
	await expect(panel.getByTestId('contract-end-dates')).toContainText('002 art. 7.3');
	await expect(panel.getByText(/enregistrée le .* par/i)).toBeVisible();

	const client = await (await browser.newContext()).newPage();
	await signIn(client, 'admin@duval.test');
	for (const path of ['/app/duval', '/app/duval/backups']) {
		await client.goto(path);
		const banner = client.getByTestId('contract-end-banner');
		await expect(banner).toBeVisible();
		await expect(banner).toContainText(/votre contrat prend fin le/i);
		await expect(banner).toContainText(/jusqu'au .* inclus/i);
		await expect(client.getByTestId('contract-end-countdown')).toContainText(
			/détruites le .* \(dans \d+ jour\(s\)\)/
		);
	}
	const { violations } = await new AxeBuilder({ page: client })
		.include('[data-testid="contract-end-banner"]')
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
		.analyze();
	expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
	await client.getByTestId('contract-end-banner').getByRole('link').click();
	await expect(client).toHaveURL(/\/app\/duval\/export$/);

	// Withdrawn: the contract runs on and the banner goes.
	await staff.getByRole('button', { name: /retirer la fin/i }).click();
	await expect(staff.getByText(/fin de contrat retirée/i)).toBeVisible();
	await client.goto('/app/duval');
	await expect(client.getByTestId('contract-end-banner')).toHaveCount(0);
});
