import { readFileSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { withRolesTable } from '../lib/server/policy/roles-table.ts';

/** README.md with the roles table rendered from the permission table, formatted as `prettier --check` expects. */
export async function renderedReadme(path: string): Promise<string> {
	const options = (await resolveConfig(path)) ?? {};
	return format(withRolesTable(readFileSync(path, 'utf8')), { ...options, filepath: path });
}

if (process.argv[1]?.endsWith('docs-roles.ts')) {
	writeFileSync('README.md', await renderedReadme('README.md'));
}
