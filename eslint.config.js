import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** `$lib/server/db`, anything under it, or a relative path into it. */
const NO_DB = {
	regex: '^(\\$lib/server/|(\\.\\.?/)+(.*/)?)db(/.*)?$',
	message:
		'Only domain services reach the database: call a service of src/lib/server/<domain>, take types from src/lib/domain.'
};

/**
 * `$lib/server` or a relative path into it, except `import type`. The database is left to NO_DB
 * (a pattern that allows type imports would let its types through).
 */
const SERVER_TYPES_ONLY = {
	regex: '^(\\$lib/|(\\.\\.?/)+(.*/)?)server(/(?!db(/|$)).*)?$',
	allowTypeImports: true,
	message:
		'Server code stays on the server: import its types only (import type), or move the value to src/lib/domain.'
};

/** Pure rule modules (no database, no SvelteKit): they never import the database, not even its types. */
const PURE_RULES = [
	'src/lib/server/calendar/**',
	'src/lib/server/util/**',
	'src/lib/server/contracts/settings.ts',
	'src/lib/server/contracts/settings-schema.ts',
	'src/lib/server/contracts/presets.ts',
	'src/lib/server/contracts/schedule.ts',
	'src/lib/server/sla/index.ts',
	'src/lib/server/sla/availability.ts',
	'src/lib/server/sla/sweep.ts',
	'src/lib/server/sla/events.ts',
	'src/lib/server/sla/credits.ts',
	'src/lib/server/sla/gtr.ts',
	'src/lib/server/sla/exact.ts',
	'src/lib/server/sla/period.ts',
	'src/lib/server/sla/hash.ts',
	'src/lib/server/sla/types.ts',
	'src/lib/server/maintenance/compliance.ts',
	'src/lib/server/incidents/deadlines.ts',
	'src/lib/server/auth/throttle-rules.ts',
	'src/lib/server/status/timeline.ts',
	'src/lib/server/status/view-rules.ts',
	'src/lib/server/status/public-notices-rules.ts',
	'src/lib/server/status/probes/verdict.ts'
];

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'src/lib/paraglide/',
			'test-results/',
			'playwright-report/',
			'.data/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } },
		rules: {
			'no-undef': 'off',
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'svelte/no-navigation-without-resolve': 'off'
		}
	},
	{
		// Server code logs through src/lib/server/log.ts (pino); browser code does not log.
		files: ['src/**'],
		rules: { 'no-console': 'error' }
	},
	{
		// Routes are thin: they call domain services, never the database.
		files: ['src/routes/**'],
		rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_DB] }] }
	},
	{
		// Types shared with the schema come from src/lib/domain.
		files: PURE_RULES,
		rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [NO_DB] }] }
	},
	{
		// The shared vocabulary and the browser know the server by its types only.
		files: ['src/lib/domain/**', 'src/lib/components/**', 'src/lib/live/**'],
		rules: {
			'@typescript-eslint/no-restricted-imports': [
				'error',
				{ patterns: [NO_DB, SERVER_TYPES_ONLY] }
			]
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	}
);
