import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 4173);
const baseURL = `http://localhost:${port}`;
// Another port gets its own database, so two runs side by side never share (or delete) one.
const dataDir = process.env.E2E_PORT ? `.data/e2e-${port}` : '.data/e2e';

/**
 * Runs against the production build started by `npm start`'s own launcher on a fresh embedded database.
 * Two suites share that server: the end-to-end tests (project `chromium`, tests/e2e) and the attack
 * suite (project `security`, tests/security, after its `security-setup` signs the accounts in).
 */
export default defineConfig({
	testDir: 'tests/e2e',
	// One worker per project unless it says otherwise: the end-to-end tests share one database.
	workers: 2,
	fullyParallel: false,
	forbidOnly: Boolean(process.env.CI),
	retries: 0,
	timeout: 30_000,
	// A loaded CI machine answers a sign-in (argon2) or a first render in more than the default 5 s.
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL,
		locale: 'fr-FR',
		trace: 'retain-on-failure',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [
		// The accessibility sweep only reads, so its tests run side by side, before the end-to-end tests
		// (which change the data) on the same server: `--project=chromium` runs it first (`--no-deps` skips it).
		{
			name: 'a11y',
			testDir: 'tests/e2e',
			testMatch: /a11y\.spec\.ts$/,
			fullyParallel: true,
			workers: 2,
			use: { browserName: 'chromium' }
		},
		{
			name: 'chromium',
			testDir: 'tests/e2e',
			testIgnore: /a11y\.spec\.ts$/,
			dependencies: ['a11y'],
			workers: 1,
			use: { browserName: 'chromium' }
		},
		{ name: 'security-setup', testDir: 'tests/security', testMatch: /\.setup\.ts$/, workers: 1 },
		{
			name: 'security',
			testDir: 'tests/security',
			dependencies: ['security-setup'],
			workers: 1,
			use: { browserName: 'chromium' }
		}
	],
	webServer: {
		command: `rm -rf ${dataDir} && node --import tsx src/cli/start.ts`,
		url: `${baseURL}/healthz`,
		timeout: 180_000,
		reuseExistingServer: false,
		stdout: 'ignore',
		stderr: 'pipe',
		env: {
			PORT: String(port),
			HOST: '127.0.0.1',
			ORIGIN: baseURL,
			PORTAL_DATA_DIR: `${dataDir}/postgres`,
			SEED_DEMO: '1',
			DEMO_SIMULATOR: '0',
			// Webhook tests deliver to receivers on 127.0.0.1.
			WEBHOOK_ALLOW_PRIVATE: '1'
		}
	}
});
