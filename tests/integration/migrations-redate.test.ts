import { readMigrationFiles } from 'drizzle-orm/migrator';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/lib/server/db/migrate';

const base = process.env.DATABASE_URL!;
const admin = postgres(base, { max: 1, onnotice: () => {} });
const urlOf = (name: string) => {
	const url = new URL(base);
	url.pathname = `/${name}`;
	return url.toString();
};
const files = readMigrationFiles({ migrationsFolder: 'drizzle' });

afterAll(() => admin.end());

/** A database as an older portal left it: every migration applied, recorded with `dates`. */
async function recordedWith(name: string, dates: (i: number, when: number) => number) {
	await admin.unsafe(`drop database if exists ${name}`);
	await admin.unsafe(`create database ${name}`);
	await runMigrations(urlOf(name));
	const sql = postgres(urlOf(name), { max: 1, onnotice: () => {} });
	for (const [i, f] of files.entries())
		await sql`update drizzle.__drizzle_migrations set created_at = ${dates(i, f.folderMillis)} where hash = ${f.hash}`;
	return sql;
}

describe('migrations on a database an older portal migrated', () => {
	it('applies none twice and the newer ones once when 0019–0022 were recorded under their former dates', async () => {
		// 0019–0022 were dated before 0018 in the journal of earlier landings; 0023 came after.
		const sql = await recordedWith('portal_redate', (i, when) =>
			i >= 19 && i <= 22 ? when - 300_000_000 : when
		);
		try {
			await sql`delete from drizzle.__drizzle_migrations where hash = ${files[23].hash}`;
			await sql`drop table backup_manifest`;
			await runMigrations(urlOf('portal_redate'));
			const [{ present }] = await sql`select to_regclass('backup_manifest') is not null as present`;
			expect(present).toBe(true);
			const rows = await sql`select hash, created_at from drizzle.__drizzle_migrations`;
			expect(rows).toHaveLength(files.length);
			expect(rows.map((r) => Number(r.created_at)).sort()).toEqual(
				files.map((f) => f.folderMillis).sort()
			);
		} finally {
			await sql.end();
		}
	});
});
