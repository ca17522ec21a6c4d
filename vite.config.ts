import { sveltekit } from '@sveltejs/kit/vite';
import tailwindcss from '@tailwindcss/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { socketDevServer } from './src/cli/socket-dev-plugin.ts';

export default defineConfig({
	plugins: [
		tailwindcss(),
		// Under Vitest the messages come from `npm run check`'s compile; the plugin's watcher would keep it alive.
		!process.env.VITEST &&
			paraglideVitePlugin({
				project: './src/i18n/project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['cookie', 'preferredLanguage', 'baseLocale']
			}),
		sveltekit(),
		socketDevServer()
	],
	server: { port: 3000 },
	test: {
		expect: { requireAssertions: true },
		projects: [
			{
				extends: './vite.config.ts',
				test: {
					name: 'unit',
					environment: 'node',
					include: ['src/**/*.test.ts']
				}
			},
			{
				extends: './vite.config.ts',
				test: {
					name: 'integration',
					environment: 'node',
					include: ['tests/integration/**/*.test.ts'],
					globalSetup: ['tests/integration/global-setup.ts'],
					setupFiles: ['tests/integration/setup-env.ts'],
					fileParallelism: false,
					testTimeout: 20000,
					hookTimeout: 60000
				}
			}
		]
	}
});
