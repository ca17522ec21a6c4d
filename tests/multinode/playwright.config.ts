import { defineConfig } from '@playwright/test';
import shared from '../../playwright.config.ts';

/**
 * The multi-node test (`npm run test:multinode`): it starts its own PostgreSQL, two nodes and the
 * proxy, so it has no webServer and runs alone.
 */
export default defineConfig({
	testDir: '.',
	testMatch: /\.spec\.ts$/,
	workers: 1,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 15_000 },
	reporter: [['list']],
	use: { ...shared.use, baseURL: undefined }
});
