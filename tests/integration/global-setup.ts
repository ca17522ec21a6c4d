import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { runMigrations } from '../../src/lib/server/db/migrate';

declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
	}
}

/** One throwaway PostgreSQL per run: real database, isolated from `.data/` and other runs. */
export default async function setup(project: TestProject) {
	const root = mkdtempSync(join(tmpdir(), 'portal-it-'));
	const database = await startEmbeddedDatabase(join(root, 'pg'), 'portal_test');
	await runMigrations(database.url);
	project.provide('databaseUrl', database.url);
	return async () => {
		await database.stop();
		rmSync(root, { recursive: true, force: true });
	};
}
