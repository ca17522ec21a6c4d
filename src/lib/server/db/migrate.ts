import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { resolve } from 'node:path';

/** Applies the committed SQL migrations in `drizzle/`; safe to run on every start. */
export async function runMigrations(url: string, folder = resolve('drizzle')): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await migrate(drizzle(sql), { migrationsFolder: folder });
	} finally {
		await sql.end();
	}
}
