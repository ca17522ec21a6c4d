/**
 * Prints why `sample` is indexed as it is: the primary key (component_id, at) btree serves
 * per-component chart scans; a BRIN on `at` serves retention deletes at a fraction of a
 * btree's size. Loads 100 components × 30 days of one-minute samples (4.3 M rows).
 *   node --import tsx tests/bench/sample-index.ts [days=30]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { startEmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { runMigrations } from '../../src/lib/server/db/migrate';

const days = Number(process.argv[2] ?? 30);
const root = mkdtempSync(join(tmpdir(), 'portal-index-'));
const database = await startEmbeddedDatabase(join(root, 'pg'), 'bench');
await runMigrations(database.url);
const sql = postgres(database.url, { max: 1, onnotice: () => {} });

async function timed<T>(run: () => Promise<T>, repeat = 5): Promise<number> {
	const times: number[] = [];
	for (let i = 0; i < repeat; i++) {
		const t0 = performance.now();
		await run();
		times.push(performance.now() - t0);
	}
	return times.sort((a, b) => a - b)[Math.floor(repeat / 2)];
}

const size = async (relation: string) =>
	(await sql`select pg_size_pretty(pg_relation_size(${relation}::regclass)) as s`)[0].s as string;

try {
	const [c] = await sql`insert into client (slug, name) values ('bench', 'Bench') returning id`;
	await sql`insert into component (client_id, key, name, kind)
		select ${c.id}, 'c' || g, 'C' || g, 'server' from generate_series(1, 100) g`;
	const t0 = performance.now();
	await sql`insert into sample (component_id, at, status, cpu_pct)
		select c.id, now() - make_interval(mins => m), 'up', random() * 100
		from component c, generate_series(1, ${days * 1440}) m`;
	const [{ n }] = await sql`select count(*)::int as n from sample`;
	console.log(
		`loaded ${n.toLocaleString('en')} samples in ${((performance.now() - t0) / 1000).toFixed(1)} s`
	);
	await sql`vacuum analyze sample`;
	const [one] = await sql`select id from component order by key limit 1`;

	const chart = () =>
		sql`select at, cpu_pct from sample where component_id = ${one.id} and at > now() - interval '24 hours' order by at`;
	const retention = () =>
		sql`select count(*) from sample where at < now() - make_interval(days => ${days - 1})`;

	const chartMs = await timed(chart);
	const brinMs = await timed(retention);
	await sql`set enable_bitmapscan = off`;
	await sql`set enable_indexscan = off`;
	await sql`set enable_indexonlyscan = off`;
	const seqMs = await timed(retention);
	await sql`reset all`;
	await sql`create index sample_at_btree on sample (at)`;
	await sql`analyze sample`;
	await sql`drop index sample_at_brin`;
	const btreeMs = await timed(retention);
	console.log(
		`table ${await size('sample')}, primary key btree ${await size('sample_component_id_at_pk')}`
	);
	console.log(`24 h chart scan of one component (primary key): ${chartMs.toFixed(2)} ms`);
	await sql`create index sample_at_brin on sample using brin (at)`;
	console.log(
		`retention scan (1 day of ${days}): BRIN ${brinMs.toFixed(1)} ms, btree on at ${btreeMs.toFixed(1)} ms, sequential scan ${seqMs.toFixed(1)} ms`
	);
	console.log(
		`index on at: BRIN ${await size('sample_at_brin')} vs btree ${await size('sample_at_btree')}`
	);
} finally {
	await sql.end();
	await database.stop();
	rmSync(root, { recursive: true, force: true });
}
