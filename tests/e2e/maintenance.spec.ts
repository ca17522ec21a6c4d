import { expect, test, type Browser, type Page } from '@playwright/test';
import { signIn } from './helpers';

/**
 * Issue 11's approval flow in Chromium: staff announce a 2 h window to Initech (softconcept:
 * over 1 h needs the client's written agreement, 000 §1.4) through /staff/maintenance/new, the
 * authorized contact decides on /app/initech/maintenance/<id>, and the window is excluded from
 * availability only when approved. Windows are two weeks ahead: a decision is taken before the
 * start, so the SLA effect is read where the API and the page report it per window.
 */

const ADMIN = { authorization: 'Bearer demo-admin-token' };
const DAY_MS = 86_400_000;

/** A weekday two weeks ahead (+offset days), as the value of a datetime-local field. */
function localAhead(offset: number, time: string): string {
	let day = Date.now() + (14 + offset) * DAY_MS;
	while ([0, 6].includes(new Date(day).getUTCDay())) day += DAY_MS;
	return `${new Date(day).toISOString().slice(0, 10)}T${time}`;
}

async function asUser(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext({ locale: 'fr-FR' })).newPage();
	await signIn(page, email);
	return page;
}

async function publishForInitech(page: Page, title: string, offset: number): Promise<string> {
	await page.goto('/staff/maintenance/new');
	await page.getByTestId('target-initech').getByLabel('Serveur applicatif').check();
	await page.getByLabel('Nature').selectOption('planned');
	await page.getByLabel('Début').fill(localAhead(offset, '10:00'));
	await page.getByLabel('Fin').fill(localAhead(offset, '12:00'));
	await page.getByLabel('Titre en français').fill(title);
	await page.getByLabel('Titre en anglais').fill(`${title} (en)`);
	await page.getByTestId('preview').click();
	const preview = page.getByTestId('preview-initech');
	await expect(preview).toContainText('Accord écrit du client requis');
	await expect(preview.getByTestId('preview-sla')).toContainText(
		"seulement si l'accord écrit du client est donné"
	);
	// The preview kept what was typed: publishing sends the same form.
	await expect(page.getByLabel('Titre en français')).toHaveValue(title);
	await page.getByTestId('publish').click();
	await expect(page).toHaveURL(/\/staff\/maintenance\/[0-9a-f-]{36}$/);
	return page.url().split('/').at(-1)!;
}

async function windowOf(page: Page, id: string) {
	const list = await page.request.get('/api/v1/clients/initech/maintenance', { headers: ADMIN });
	expect(list.status()).toBe(200);
	return (
		(await list.json()).items as {
			id: string;
			compliant: boolean;
			reasons: string[];
			approval: { state: string; by?: string };
		}[]
	).find((i) => i.id === id)!;
}

test('staff publish a 2 h window for Initech, the contact approves it: excluded from availability', async ({
	browser
}) => {
	const staff = await asUser(browser, 'staff@demo.test');
	const title = `Mise à jour approuvée ${Date.now()}`;
	const id = await publishForInitech(staff, title, 0);
	expect(await windowOf(staff, id)).toMatchObject({
		compliant: false,
		reasons: ['approval_missing'],
		approval: { state: 'pending' }
	});

	const viewer = await asUser(browser, 'viewer@initech.test');
	await viewer.goto(`/app/initech/maintenance/${id}`);
	await expect(viewer.getByTestId('decision-readonly')).toBeVisible();
	await expect(viewer.getByTestId('approve')).toHaveCount(0);

	const contact = await asUser(browser, 'contact@initech.test');
	await contact.goto(`/app/initech/maintenance/${id}`);
	await expect(contact.getByRole('heading', { name: title })).toBeVisible();
	await contact.getByLabel(/Commentaire/).fill('Accord de la DSI.');
	await contact.getByTestId('approve').click();
	await expect(contact.getByText('Fenêtre approuvée')).toBeVisible();
	await expect(contact.getByTestId('window-approval')).toContainText('Approuvée');
	await expect(contact.getByTestId('window-approval')).toContainText('Accord de la DSI.');
	await expect(contact.getByTestId('window-compliance')).toContainText(
		'exclue de la disponibilité'
	);

	const after = await windowOf(staff, id);
	expect(after).toMatchObject({ compliant: true, reasons: [], approval: { state: 'approved' } });
	expect(after.approval.by).toBeTruthy();
	// Staff see it and its decision, live, but have no decision to take.
	await staff.goto(`/staff/maintenance/${id}`);
	await expect(staff.getByTestId('staff-sla')).toContainText('Conforme au contrat');
	await expect(staff.getByTestId('approve')).toHaveCount(0);
});

test('the same window refused: a comment is required, and it stays counted in availability', async ({
	browser
}) => {
	const staff = await asUser(browser, 'staff@demo.test');
	const id = await publishForInitech(staff, `Mise à jour refusée ${Date.now()}`, 1);

	const contact = await asUser(browser, 'contact@initech.test');
	await contact.goto(`/app/initech/maintenance/${id}`);
	await contact.getByTestId('refuse').click();
	await expect(contact.locator('#decision-comment-error')).toBeVisible();
	await contact.getByLabel(/Commentaire/).fill('Période de clôture comptable.');
	await contact.getByTestId('refuse').click();
	await expect(contact.getByText('Fenêtre refusée')).toBeVisible();
	await expect(contact.getByTestId('window-approval')).toContainText('Refusée');
	await expect(contact.getByTestId('window-compliance')).toContainText(
		'comptée dans la disponibilité'
	);
	expect(await windowOf(staff, id)).toMatchObject({
		compliant: false,
		approval: { state: 'refused', comment: 'Période de clôture comptable.' }
	});

	await staff.goto('/staff/maintenance?filter=refused');
	await expect(staff.getByTestId('staff-maintenance')).toContainText('Mise à jour refusée');
});

test('the month calendar is a keyboard grid: arrows, Home/End, PageUp/PageDown change month', async ({
	page
}) => {
	await signIn(page, 'contact@initech.test');
	await page.goto('/app/initech/maintenance');
	const grid = page.getByTestId('maintenance-grid');
	const today = grid.locator('[aria-current="date"]');
	await expect(today).toHaveAttribute('tabindex', '0');
	const start = (await today.getAttribute('data-date'))!;
	const shift = (date: string, days: number) =>
		new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
	const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-date'));

	await today.focus();
	await page.keyboard.press('ArrowDown');
	await expect.poll(focused).toBe(shift(start, 7));
	await page.keyboard.press('ArrowUp');
	await page.keyboard.press('ArrowRight');
	await expect.poll(focused).toBe(shift(start, 1));
	await page.keyboard.press('ArrowLeft');
	await page.keyboard.press('Home');
	const weekday = (new Date(`${start}T00:00:00Z`).getUTCDay() + 6) % 7;
	await expect.poll(focused).toBe(shift(start, -weekday));
	await page.keyboard.press('End');
	await expect.poll(focused).toBe(shift(start, 6 - weekday));

	// Page Down: the same day a month later, in that month's grid.
	const from = shift(start, 6 - weekday);
	const nextMonth = (month: string, delta: number) => {
		const [y, mo] = month.split('-').map(Number);
		const index = y * 12 + mo - 1 + delta;
		return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
	};
	const later = nextMonth(from.slice(0, 7), 1);
	await page.keyboard.press('PageDown');
	await expect(page).toHaveURL(new RegExp(`month=${later}`));
	await expect.poll(focused).toMatch(new RegExp(`^${later}-`));
	await expect(page.locator('#calendar-month')).not.toBeEmpty();
	await page.keyboard.press('PageUp');
	await expect(page).toHaveURL(new RegExp(`month=${from.slice(0, 7)}`));
	await expect.poll(focused).toBe(from);
	await page.getByTestId('month-next').click();
	await expect(page).toHaveURL(new RegExp(`month=${nextMonth(from.slice(0, 7), 1)}`));
	await page.goto('/app/initech/maintenance');
	await expect(grid.locator('[aria-current="date"]')).toHaveCount(1);
});
