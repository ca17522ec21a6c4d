import { expect, test, type Page } from '@playwright/test';
import { signIn } from './helpers';

type Marked = { marker?: number };

/** Files a report from the client's form and returns its number, once on its detail page. */
async function fileReport(page: Page, title: string, description: string) {
	await page.goto('/app/acme/incidents/new');
	await page.getByRole('radio', { name: /^Critique/ }).check();
	await page.getByRole('checkbox', { name: 'Serveur web 1' }).check();
	await page.getByLabel('Titre', { exact: true }).fill(title);
	await page.getByLabel('Description', { exact: true }).fill(description);
	await page.getByRole('button', { name: 'Déposer le signalement' }).click();
	await expect(page).toHaveURL(/\/app\/acme\/incidents\/INC-\d{4}-\d{5}$/);
	return (await page.getByTestId('incident-number').textContent())!.trim();
}

test('a critical report reaches staff live; its acknowledgement reaches the contact live', async ({
	browser
}) => {
	// Two signed-in browsers and two live round trips: 23 s alone on a loaded machine.
	test.setTimeout(90_000);
	const contactContext = await browser.newContext();
	const staffContext = await browser.newContext();
	const contact = await contactContext.newPage();
	const staff = await staffContext.newPage();

	await signIn(staff, 'staff@demo.test');
	await staff.goto('/staff/incidents');
	await expect(staff.getByTestId('live-indicator')).toHaveText('En direct');
	await staff.evaluate(() => ((window as Marked).marker = 7));

	await signIn(contact, 'contact@acme.test');
	const title = `Extranet inaccessible ${Date.now()}`;
	const number = await fileReport(
		contact,
		title,
		'Plus rien ne répond depuis 9 h.\nLe VPN est bien connecté.'
	);
	await expect(contact.getByTestId('acknowledge-deadline')).toHaveAttribute(
		'data-state',
		'on_track'
	);
	await expect(contact.getByTestId('acknowledge-deadline-countdown')).toContainText('reste');
	await expect(contact.getByTestId('incident-status')).toHaveAttribute('data-status', 'open');
	await expect(contact.getByTestId('live-indicator')).toHaveText('En direct');
	await contact.evaluate(() => ((window as Marked).marker = 42));

	const row = staff.locator(`tr[data-number="${number}"]`);
	await expect(row).toContainText(title);
	await expect(row).toHaveAttribute('data-client', 'acme');
	expect(await staff.evaluate(() => (window as Marked).marker)).toBe(7);

	await row.getByRole('link', { name: number }).click();
	await staff.getByLabel('Nature estimée du problème').fill('Saturation du disque du serveur web');
	await staff.getByLabel('Délai de résolution estimé', { exact: true }).fill('2 h');
	await staff.getByRole('button', { name: 'Prendre en compte' }).click();
	await expect(staff.getByText('Signalement pris en compte.')).toBeVisible();

	await expect(contact.getByTestId('incident-status')).toHaveAttribute(
		'data-status',
		'acknowledged'
	);
	await expect(contact.getByTestId('acknowledge-deadline')).toHaveAttribute('data-state', 'met');
	await expect(
		contact.locator('[data-testid="timeline-entry"][data-kind="acknowledged"]')
	).toContainText('Saturation du disque');
	expect(await contact.evaluate(() => (window as Marked).marker)).toBe(42);

	await contactContext.close();
	await staffContext.close();
});

test('an internal note stays on the staff side', async ({ browser }) => {
	const contactContext = await browser.newContext();
	const staffContext = await browser.newContext();
	const contact = await contactContext.newPage();
	const staff = await staffContext.newPage();

	await signIn(contact, 'contact@acme.test');
	const number = await fileReport(
		contact,
		`Lenteurs ${Date.now()}`,
		'Les pages mettent 20 s à venir.'
	);

	await signIn(staff, 'staff@demo.test');
	await staff.goto(`/staff/incidents/${number}`);
	await staff.getByLabel('Message', { exact: true }).fill('Piste : requêtes lentes sur db-1');
	await staff.getByRole('checkbox', { name: /Note interne/ }).check();
	await staff.getByRole('button', { name: 'Publier' }).click();
	const note = staff.locator('[data-testid="timeline-entry"][data-kind="note"]');
	await expect(note).toContainText('Note interne');
	await expect(note).toHaveAttribute('data-internal', 'true');

	await contact.reload();
	await expect(contact.getByTestId('incident-timeline')).not.toContainText('requêtes lentes');
	await expect(contact.locator('[data-testid="timeline-entry"][data-kind="note"]')).toHaveCount(0);

	await contactContext.close();
	await staffContext.close();
});

test('a viewer cannot file a report', async ({ page }) => {
	await signIn(page, 'viewer@acme.test');
	await page.goto('/app/acme/incidents');
	await expect(page.getByTestId('viewer-file-note')).toBeVisible();
	await expect(page.getByTestId('new-incident')).toHaveCount(0);

	await page.goto('/app/acme/incidents/new');
	await expect(page.getByTestId('file-refused')).toContainText('Seuls les contacts habilités');
	await expect(page.getByTestId('incident-form')).toHaveCount(0);

	const title = `Tentative lecteur ${Date.now()}`;
	const response = await page.request.post('/app/acme/incidents/new', {
		headers: { origin: new URL(page.url()).origin, accept: 'text/html' },
		form: { severity: 'minor', title, description: 'Ne doit pas être enregistré.' }
	});
	expect(response.status()).toBe(403);
	await page.goto('/app/acme/incidents');
	await expect(page.getByText(title)).toHaveCount(0);
});

test('a title holding HTML shows as text and runs nothing', async ({ page }) => {
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	await signIn(page, 'contact@acme.test');
	const title = '<img src=x onerror=alert(1)>';
	const number = await fileReport(page, title, '<script>alert(2)</script>\nseconde ligne');

	await expect(page.getByTestId('incident-title')).toHaveText(title);
	await expect(page.getByTestId('incident-description')).toContainText('<script>alert(2)</script>');
	await expect(page.locator('main img, main script')).toHaveCount(0);

	await page.goto('/app/acme/incidents');
	await expect(page.locator(`tr[data-number="${number}"]`)).toContainText(title);
	await expect(page.locator('main img')).toHaveCount(0);
	expect(dialogs).toEqual([]);
});
