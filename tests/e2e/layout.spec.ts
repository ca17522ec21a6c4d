import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from './helpers';

async function useLocale(page: Page, locale: 'fr' | 'en', baseURL: string) {
	await page.context().addCookies([{ name: 'PARAGLIDE_LOCALE', value: locale, url: baseURL }]);
}

/** Selects drawn narrower than their longest option clip it ("Contact habil…"). */
async function clippedSelects(page: Page) {
	return page.locator('select').evaluateAll((selects) =>
		selects.flatMap((s) => {
			const free = s.cloneNode(true) as HTMLSelectElement;
			free.style.cssText =
				'position:absolute;visibility:hidden;width:auto;min-width:0;max-width:none';
			document.body.append(free);
			const natural = free.getBoundingClientRect().width;
			free.remove();
			const width = s.getBoundingClientRect().width;
			return width + 0.5 < natural ? [`${s.id}: ${width} px < ${natural} px`] : [];
		})
	);
}

/** How many lines a button's label takes. */
const labelLines = (button: Locator) =>
	button.evaluate((b) => {
		const range = document.createRange();
		range.selectNodeContents(b);
		return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
	});

test('the people page fits a phone and shows every role name whole, in French and English', async ({
	page,
	baseURL
}) => {
	await signIn(page, 'admin@acme.test');
	for (const locale of ['fr', 'en'] as const) {
		await useLocale(page, locale, baseURL!);
		for (const width of [390, 640]) {
			await page.setViewportSize({ width, height: 800 });
			await page.goto('/app/acme/people');
			await expect(page.locator('html')).toHaveAttribute('lang', locale);
			const what = `${locale} at ${width} px`;
			expect(
				await page.evaluate(() => document.documentElement.scrollWidth),
				`${what}: page width`
			).toBeLessThanOrEqual(width);
			expect(await clippedSelects(page), what).toEqual([]);
			// Below the fold on a phone: scrolled to, it must still lie inside the page's width.
			const remove = page.getByRole('button', { name: /retirer contact|remove contact/i });
			await remove.scrollIntoViewIfNeeded();
			await expect(remove).toBeInViewport();
		}
	}
});

test('the staff component table lines each field up under its header, buttons on one line', async ({
	page
}) => {
	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, 'staff@demo.test');
	await page.goto('/staff/clients/acme');
	const table = page.locator('section[aria-labelledby="components-title"] table');
	const headers = await table.locator('thead th').evaluateAll((ths) =>
		ths.map((th) => {
			const box = th.getBoundingClientRect();
			return [Math.round(box.left), Math.round(box.right)];
		})
	);
	const row = table.locator('tr[data-key="web-1"]');
	const cells = await row.locator('td').evaluateAll((tds) =>
		tds.map((td) => {
			const box = td.getBoundingClientRect();
			return [Math.round(box.left), Math.round(box.right)];
		})
	);
	expect(cells).toEqual(headers);
	const name = row.getByLabel('Nom', { exact: true });
	await expect(name).toHaveValue('Serveur web 1');
	const nameBox = (await name.boundingBox())!;
	expect(nameBox.x).toBeGreaterThanOrEqual(headers[1][0]);
	expect(nameBox.x + nameBox.width).toBeLessThanOrEqual(headers[1][1]);
	await expect(row.getByLabel('Compté dans le SLA')).toBeChecked();

	const save = row.getByRole('button', { name: 'Enregistrer' });
	const remove = row.getByRole('button', { name: 'Retirer Serveur web 1' });
	expect((await save.boundingBox())!.y).toBe((await remove.boundingBox())!.y);
	expect(await labelLines(save)).toBe(1);
	expect(await labelLines(remove)).toBe(1);
});

test('a component row saves the fields of its cells', async ({ page }) => {
	await signIn(page, 'staff@demo.test');
	await page.goto('/staff/clients/acme');
	const row = page.locator('tr[data-key="db-1"]');
	const interval = row.getByLabel('Intervalle des mesures (s)');
	for (const value of ['20', '10']) {
		await interval.fill(value);
		await row.getByRole('button', { name: 'Enregistrer' }).click();
		await expect(page.getByText('Enregistré.')).toBeVisible();
		await page.reload();
		await expect(interval).toHaveValue(value);
	}
});
