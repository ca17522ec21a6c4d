/**
 * A full export's memory: the production server builds the ZIP of a client whose status
 * timeline has 1,000,000 rows (two components, a change every minute for about eleven months:
 * what a million samples can make at worst), written by set-based SQL into a throwaway database.
 * The figure is the server's peak RSS growth while the export job runs (target < 100 MB: the ZIP
 * is streamed, tables read in batches), with its duration and the ZIP's size.
 *   node --import tsx tests/bench/export.ts [rows=1000000]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { bootPortal, nowMs, sleep, type Figure } from './harness';

/** A row count given on the command line, only when this file is run itself (run-all's argv names benches). */
const isMain = import.meta.url === pathToFileURL(process.argv[1]).href;
const ROWS = (isMain && Number(process.argv[2])) || 1_000_000;
const SLUG = 'bench-export';
const ADMIN = { authorization: 'Bearer demo-admin-token', 'content-type': 'application/json' };
const TARGET_MB = 100;

async function seedClient(databaseUrl: string) {
	const sql = postgres(databaseUrl, { onnotice: () => {} });
	try {
		const [{ id }] = await sql`
			insert into client (slug, name, timezone) values (${SLUG}, 'Bench export', 'Europe/Paris')
			returning id`;
		await sql`insert into contract (client_id, preset) values (${id}, 'softconcept')`;
		const components = await sql`
			insert into component (client_id, key, name, kind)
			values (${id}, 'web-1', 'Web 1', 'server'), (${id}, 'db-1', 'DB 1', 'server')
			returning id`;
		const perComponent = Math.ceil(ROWS / components.length);
		const t0 = nowMs();
		for (const c of components)
			await sql`
				insert into status_interval (component_id, status, from_at, to_at)
				select ${c.id}, (array['up', 'down', 'degraded'])[1 + i % 3],
					date_trunc('minute', now()) - (${perComponent} - i) * interval '1 minute',
					date_trunc('minute', now()) - (${perComponent} - i - 1) * interval '1 minute'
				from generate_series(0, ${perComponent - 1}) as i`;
		await sql`
			insert into status_day (component_id, day, up_seconds, down_seconds, degraded_seconds)
			select c.id, d::date, 28800, 28800, 28800
			from component c, generate_series(now() - ${perComponent} * interval '1 minute', now(), interval '1 day') as d
			where c.client_id = ${id}`;
		const [{ n }] = await sql`
			select count(*)::int as n from status_interval s join component c on c.id = s.component_id
			where c.client_id = ${id}`;
		console.log(`[export] ${n} timeline rows written in ${((nowMs() - t0) / 1000).toFixed(1)} s`);
		return n as number;
	} finally {
		await sql.end();
	}
}

export async function run(): Promise<Figure[]> {
	const exportDir = mkdtempSync(join(tmpdir(), 'portal-bench-exports-'));
	process.env.EXPORT_DIR = exportDir;
	const portal = await bootPortal('export');
	try {
		const rows = await seedClient(portal.databaseUrl);
		await sleep(3000);
		const baseline = portal.rssMb();
		let peak = baseline;
		/** The baseline can hold the boot's garbage, which the export's first full collection frees. */
		let lowest = baseline;
		/** The peak while the tables are written, and while the SLA months are computed. */
		const phasePeak = { tables: baseline, sla: baseline };
		let phase: keyof typeof phasePeak = 'tables';
		const sampler = setInterval(() => {
			const rss = portal.rssMb();
			peak = Math.max(peak, rss);
			lowest = Math.min(lowest, rss);
			phasePeak[phase] = Math.max(phasePeak[phase], rss);
		}, 50);
		const t0 = nowMs();
		const asked = await fetch(`${portal.url}/api/v1/clients/${SLUG}/exports`, {
			method: 'POST',
			headers: ADMIN,
			body: '{}'
		});
		if (asked.status !== 201) throw new Error(`ask: ${asked.status} ${await asked.text()}`);
		const { id } = (await asked.json()) as { id: string };
		let done: {
			status: string;
			step: string | null;
			sizeBytes: number | null;
			error: string | null;
		};
		for (;;) {
			await sleep(250);
			const seen = await fetch(`${portal.url}/api/v1/clients/${SLUG}/exports/${id}`, {
				headers: ADMIN
			});
			done = await seen.json();
			if (done.step?.startsWith('sla_months')) phase = 'sla';
			if (done.status !== 'queued' && done.status !== 'running') break;
		}
		clearInterval(sampler);
		const seconds = (nowMs() - t0) / 1000;
		if (done.status !== 'ready') throw new Error(`export ${done.status}: ${done.error}`);
		const growth = peak - baseline;
		const zipMb = (done.sizeBytes ?? 0) / 1e6;
		console.log(
			`[export] ${rows} rows: ${seconds.toFixed(1)} s, ZIP ${zipMb.toFixed(1)} MB, server RSS ${baseline.toFixed(0)} → peak ${peak.toFixed(0)} MB (+${growth.toFixed(0)} MB); peak while writing the tables +${(phasePeak.tables - baseline).toFixed(0)} MB, while computing the SLA months +${(phasePeak.sla - baseline).toFixed(0)} MB; lowest during the export ${lowest.toFixed(0)} MB (peak +${(peak - lowest).toFixed(0)} MB above it)`
		);
		return [
			{
				bench: 'export',
				metric: `server peak RSS growth, full export with ${rows.toLocaleString('en')} timeline rows`,
				value: `+${growth.toFixed(0)} MB (${baseline.toFixed(0)} → ${peak.toFixed(0)} MB; ${seconds.toFixed(0)} s, ZIP ${zipMb.toFixed(0)} MB)`,
				target: `< ${TARGET_MB} MB`,
				ok: growth < TARGET_MB
			}
		];
	} finally {
		await portal.stop();
		rmSync(exportDir, { recursive: true, force: true });
	}
}

if (isMain) {
	for (const f of await run()) console.log(`${f.metric}: ${f.value} (target ${f.target})`);
}
