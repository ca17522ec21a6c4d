import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test("the client's admin asks for a full export, watches it reach ready live and downloads the ZIP", async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'admin@acme.test');
	await page.goto('/app/acme');
	await page
		.getByRole('navigation', { name: /navigation principale|main navigation/i })
		.getByRole('link', { name: 'Export' })
		.click();
	await expect(page).toHaveURL(/\/app\/acme\/export$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(/export complet/i);

	const ask = page.getByTestId('export-ask');
	// An export left under way by another spec is shown, not refused: wait for it to end.
	await expect(ask).toBeEnabled({ timeout: 60_000 });
	const before = await page.getByTestId('export-row').count();
	await ask.click();
	await expect(page.getByText(/export demandé/i)).toBeVisible();
	await expect(page.getByTestId('export-progress')).toBeVisible();

	// No reload from here on: the progress and the end arrive through the socket.
	const ready = page.locator('[data-testid="export-row"][data-status="ready"]').first();
	await expect(page.getByTestId('export-row')).toHaveCount(before + 1);
	await expect(ready).toBeVisible({ timeout: 60_000 });
	await expect(page.getByTestId('export-running')).toHaveCount(0);
	await expect(ask).toBeEnabled();
	await expect(ready.locator('code')).toHaveText(/^[0-9a-f]{64}$/);

	const downloading = page.waitForEvent('download');
	await ready.getByTestId('export-download').click();
	const download = await downloading;
	expect(download.suggestedFilename()).toMatch(/^export-acme-\d{4}-\d{2}-\d{2}-[0-9a-f]{8}\.zip$/);
	const zip = await readFile((await download.path())!);
	expect(zip.subarray(0, 4).toString('hex')).toBe('504b0304');
	expect(zip.includes(Buffer.from('manifest.json'))).toBe(true);
});
