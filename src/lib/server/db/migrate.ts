import { drizzle } from 'drizzle-orm/postgres-js';
import { migrate } from 'drizzle-orm/postgres-js/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import postgres from 'postgres';
import { resolve } from 'node:path';

/**
 * drizzle applies only the migrations dated after the newest one it recorded. 0019–0022 were
 * once dated before 0018, so a database that had 0018 skipped them, and one that got them kept
 * their old dates. Each recorded migration takes its journal date again first (matched by its
 * SQL's hash), so both kinds go on from what they really hold.
 */
async function redateRecorded(sql: postgres.Sql, folder: string) {
	const [{ exists }] =
		await sql`select to_regclass('drizzle.__drizzle_migrations') is not null as exists`;
	if (!exists) return;
	for (const { hash, folderMillis } of readMigrationFiles({ migrationsFolder: folder }))
		await sql`update drizzle.__drizzle_migrations set created_at = ${folderMillis}
			where hash = ${hash} and created_at <> ${folderMillis}`;
}

/** Applies the committed SQL migrations in `drizzle/`; safe to run on every start. */
export async function runMigrations(url: string, folder = resolve('drizzle')): Promise<void> {
	const sql = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await redateRecorded(sql, folder);
		await migrate(drizzle(sql), { migrationsFolder: folder });
	} finally {
		await sql.end();
	}
}
