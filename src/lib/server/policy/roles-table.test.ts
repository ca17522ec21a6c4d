import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderedReadme } from '../../../cli/docs-roles';
import { renderRolesTable } from './roles-table';
import { ACTIONS } from './table';

describe("README's roles table", () => {
	// Prettier formats the whole README: seconds on a loaded machine.
	it(
		'is the permission table, rendered (run `npm run docs:roles` after changing the policy)',
		{
			timeout: 60_000
		},
		async () => {
			expect(await renderedReadme('README.md')).toBe(readFileSync('README.md', 'utf8'));
		}
	);

	it('has one row per action', () => {
		expect(renderRolesTable().split('\n')).toHaveLength(ACTIONS.length + 2);
	});
});
