/**
 * Ingestion throughput through POST /api/v1/samples: concurrent senders, batches of 1,000
 * samples over the ten demo components, fresh and distinct timestamps. In the same run, the
 * same rows written by one plain COPY into a table shaped like `sample` give the ceiling the
 * ingestion is measured against (target: a fifth of it).
 *   node --import tsx tests/bench/ingest.ts
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import {
	bootPortal,
	cpuShare,
	DEMO_COMPONENTS,
	metrics,
	ms,
	nowMs,
	percentile,
	postSamples,
	type Figure,
	type Portal,
	type SampleBody
} from './harness';

const SENDERS = Number(process.env.BENCH_INGEST_SENDERS ?? 4);
const SECONDS = Number(process.env.BENCH_INGEST_SECONDS ?? 8);
const BATCH = 1000;
/** Enough prepared bodies for 60,000 samples/s over the run; past them, bodies are built as sent. */
const PREBUILT_PER_SENDER = Math.ceil((SECONDS * 60_000) / BATCH / SENDERS);
const TARGETS = Object.entries(DEMO_COMPONENTS).flatMap(([client, keys]) =>
	keys.map((component) => ({ client, component }))
);
type Target = (typeof TARGETS)[number];

/** Distinct instants per component (idempotency is on component + instant): from a minute ago on, 1 ms apart. */
const nextAt = new Map<Target, number>(TARGETS.map((t) => [t, Date.now() - 60_000]));

function batch(targets: Target[]): SampleBody[] {
	const perComponent = Math.ceil(BATCH / targets.length);
	return targets
		.flatMap((target) => {
			const first = nextAt.get(target)!;
			nextAt.set(target, first + perComponent);
			return Array.from({ length: perComponent }, (_, i) => {
				const at = first + i;
				// Mostly up, with a short outage now and then: transitions exercise the timeline.
				const status = at % 5000 < 5 ? 'down' : at % 5000 < 15 ? 'degraded' : 'up';
				return { ...target, at: new Date(at).toISOString(), status, ...metrics() } as SampleBody;
			});
		})
		.slice(0, BATCH);
}

/**
 * `shared`: every batch spans all ten components, so concurrent batches queue on the same
 * component locks. `owned`: each sender is the agent of its own components, as hosts' agents are.
 */
async function measure(portal: Portal, mode: 'shared' | 'owned') {
	const url = portal.url;
	const targetsOf = (sender: number) =>
		mode === 'shared' ? TARGETS : TARGETS.filter((_, i) => i % SENDERS === sender);
	// Bodies are written before the clock starts, as the COPY's rows are: the load generator
	// shares the two cores, and building and serialising a batch costs it several ms.
	// Built round robin, so that concurrent senders' instants interleave as they would inline.
	const bodies: string[][] = Array.from({ length: SENDERS }, () => []);
	for (let i = 0; i < PREBUILT_PER_SENDER; i++)
		for (let sender = 0; sender < SENDERS; sender++)
			bodies[sender].push(JSON.stringify({ samples: batch(targetsOf(sender)) }));
	const cpuBefore = portal.cpu();
	const generatorBefore = process.cpuUsage();
	const latencies: number[] = [];
	let stored = 0;
	const start = nowMs();
	const deadline = start + SECONDS * 1000;
	await Promise.all(
		Array.from({ length: SENDERS }, async (_, sender) => {
			for (let i = 0; nowMs() < deadline; i++) {
				const body = bodies[sender][i] ?? JSON.stringify({ samples: batch(targetsOf(sender)) });
				const t0 = nowMs();
				const result = await postSamples(url, body).catch((e) => {
					// Building the bodies took longer than the server keeps an idle connection.
					if (i === 0 && e?.cause?.code === 'UND_ERR_SOCKET') return postSamples(url, body);
					throw e;
				});
				latencies.push(nowMs() - t0);
				if (result.accepted !== BATCH)
					throw new Error(`expected ${BATCH} accepted, got ${JSON.stringify(result)}`);
				stored += result.accepted;
			}
		})
	);
	const seconds = (nowMs() - start) / 1000;
	const rate = stored / seconds;
	const cpuAfter = portal.cpu();
	const cpu = cpuShare(cpuBefore, cpuAfter, seconds);
	const generator = process.cpuUsage(generatorBefore);
	const generatorShare = Math.round((generator.user + generator.system) / 10_000 / seconds);
	// CPU per sample depends less on what else the machine runs than samples per second do.
	const perThousand = (x: number) => `${((x * 1e6) / stored).toFixed(1)} ms`;
	console.log(
		`[ingest] ${mode}: ${stored} samples in ${latencies.length} batches, ${SENDERS} senders: ${Math.round(rate)} samples/s; CPU ${cpu}; CPU per 1,000 samples: server ${perThousand(cpuAfter.server - cpuBefore.server)}, postgres ${perThousand(cpuAfter.postgres - cpuBefore.postgres)}; load generator ${generatorShare} % of one core`
	);
	return { rate, latencies, cpu, stored };
}

/** Raw samples a production database holds (here the ten components every 10 s for ~12 days), written straight in SQL. */
async function prefill(databaseUrl: string, rows: number) {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const perComponent = Math.round(rows / TARGETS.length);
		await sql`
			insert into sample (component_id, at, status, cpu_pct, ram_pct)
			select c.id, now() - interval '20 days' + g * interval '10 seconds', 'up', 42, 64
			from component c join client cl on cl.id = c.client_id
			cross join generate_series(1, ${perComponent}::int) g
			where cl.slug in ${sql(Object.keys(DEMO_COMPONENTS))}`;
		await sql`analyze sample`;
	} finally {
		await sql.end();
	}
}

const PREFILL = Number(process.env.BENCH_INGEST_PREFILL ?? 1_000_000);
const TARGET = 70_000;
const METRIC_COLUMNS = [
	['latencyMs', 'latency_ms'],
	['cpuPct', 'cpu_pct'],
	['ramPct', 'ram_pct'],
	['diskPct', 'disk_pct'],
	['netInBps', 'net_in_bps'],
	['netOutBps', 'net_out_bps'],
	['load1', 'load1'],
	['iowaitPct', 'iowait_pct']
] as const;

/**
 * `rows` samples as the senders make them (same components, statuses and metrics, later
 * instants), written by one COPY into a copy of `sample` with its keys and indexes: what
 * PostgreSQL takes at best, with no validation, rollup or timeline.
 */
async function plainCopy(databaseUrl: string, rows: number) {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const ids = new Map(
			(
				await sql`select cl.slug || '/' || c.key as pair, c.id from component c join client cl on cl.id = c.client_id`
			).map((r) => [r.pair as string, r.id as string])
		);
		const chunks: string[] = [];
		for (let n = 0; n < rows; n += BATCH) {
			chunks.push(
				batch(TARGETS)
					.map((s) =>
						[
							ids.get(`${s.client}/${s.component}`),
							s.at,
							s.status,
							...METRIC_COLUMNS.map(([name]) => s[name] ?? '\\N')
						].join('\t')
					)
					.join('\n') + '\n'
			);
		}
		await sql`create table bench_copy (like sample including all)`;
		const t0 = nowMs();
		const columns = ['component_id', 'at', 'status', ...METRIC_COLUMNS.map(([, c]) => c)];
		await pipeline(
			Readable.from(chunks),
			await sql.unsafe(`copy bench_copy (${columns.join(', ')}) from stdin`).writable()
		);
		const seconds = (nowMs() - t0) / 1000;
		const [{ n }] = await sql`select count(*)::int as n from bench_copy`;
		const rate = n / seconds;
		console.log(
			`[ingest] plain COPY of ${n} rows: ${Math.round(rate)} rows/s (${seconds.toFixed(2)} s)`
		);
		await sql`drop table bench_copy`;
		return rate;
	} finally {
		await sql.end();
	}
}

export async function run(): Promise<Figure[]> {
	const portal = await bootPortal('ingest');
	try {
		for (let i = 0; i < 3; i++) await postSamples(portal.url, batch(TARGETS));
		const figures: Figure[] = [];
		const runs: { mode: 'shared' | 'owned'; label: string; prefill?: boolean }[] = [
			{ mode: 'shared', label: 'each batch on all 10 components' },
			{ mode: 'owned', label: 'each sender owns its components' },
			{
				mode: 'owned',
				label: `owned, ${PREFILL.toLocaleString('en')} samples already stored`,
				prefill: true
			}
		];
		for (const { mode, label, prefill: withPrefill } of runs) {
			if (withPrefill) {
				const t0 = nowMs();
				await prefill(portal.databaseUrl, PREFILL);
				console.log(
					`[ingest] stored ${PREFILL} older samples in ${((nowMs() - t0) / 1000).toFixed(1)} s`
				);
			}
			const { rate, latencies, cpu, stored } = await measure(portal, mode);
			figures.push(
				{
					bench: 'ingest',
					metric: `throughput, ${SENDERS} senders, ${label}`,
					value: `${Math.round(rate).toLocaleString('en')} samples/s`,
					target: `≥ ${TARGET.toLocaleString('en')} samples/s`,
					ok: rate >= TARGET
				},
				{
					bench: 'ingest',
					metric: `latency per batch of ${BATCH} (POST → 202) / CPU, ${label}`,
					value: `p50 ${ms(percentile(latencies, 0.5))} · p95 ${ms(percentile(latencies, 0.95))} · ${cpu}`
				}
			);
			if (mode === 'owned' && !withPrefill) {
				const copy = await plainCopy(portal.databaseUrl, stored);
				figures.push({
					bench: 'ingest',
					metric: `same rows by one plain COPY / ingestion as a share of it, ${label}`,
					value: `${Math.round(copy).toLocaleString('en')} rows/s · 1/${(copy / rate).toFixed(1)}`,
					target: '≥ 1/5 of COPY',
					ok: rate * 5 >= copy
				});
			}
		}
		return figures;
	} finally {
		await portal.stop();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.table(await run());
}
