/**
 * From the API's 202 to socket.io clients receiving the batch's `monitor.batch` event, with
 * 100 / 1,000 / 2,000 / 10,000 signed-in sockets in the acme room (spread over child processes).
 *   node --import tsx tests/bench/live-fanout.ts
 */
import { pathToFileURL } from 'node:url';
import {
	bootPortal,
	cpuShare,
	DEMO_COMPONENTS,
	maxOf,
	metrics,
	nowMs,
	percentile,
	postSamples,
	signIn,
	sleep,
	spread,
	type Figure,
	type SampleBody
} from './harness';
import { SocketFleet } from './sockets';

const LEVELS = (process.env.BENCH_FANOUT_LEVELS ?? '100,1000,2000,10000').split(',').map(Number);
const PROBES = Number(process.env.BENCH_FANOUT_PROBES ?? 50);
const WARM_UP = 5;
/** Performance issue 14: the last socket's p95, by fleet size. */
const TARGET_P95_MS: Record<number, number> = { 2000: 50, 10000: 250 };

let lastAt = Date.now() - 60_000;

/** What an acme agent sends every tick: one fresh sample per component; web-1 flips state so the event carries a change. */
function tick(flip: boolean): SampleBody[] {
	lastAt = Math.max(lastAt + 1, Date.now());
	const at = new Date(lastAt).toISOString();
	return DEMO_COMPONENTS.acme.map((component) => ({
		client: 'acme',
		component,
		at,
		status: component === 'web-1' && flip ? 'degraded' : 'up',
		...metrics()
	}));
}

/** The server's own time to write each event to every socket (the relay's `event emitted` debug lines), by event id. */
function emitTimes(log: string, ids: Set<number>): number[] {
	const times: number[] = [];
	for (const line of log.split('\n')) {
		if (!line.includes('"event emitted"')) continue;
		const entry = JSON.parse(line) as { eventId: number; emitMs: number };
		if (ids.has(entry.eventId)) times.push(entry.emitMs);
	}
	return times;
}

export async function run(): Promise<Figure[]> {
	const portal = await bootPortal('fanout', { LOG_LEVEL: 'debug' });
	const figures: Figure[] = [];
	try {
		const cookie = await signIn(portal.url);
		let lastId = 0;
		for (const count of LEVELS) {
			const fleet = await SocketFleet.open(portal.url, cookie, count, 'monitor.batch');
			const toLast: number[] = [];
			const perClient: number[] = [];
			const sendToLast: number[] = [];
			const probed = new Set<number>();
			const toFirst: number[] = [];
			let missing = 0;
			let rss = '';
			let cpuPerBatch = '';
			const cpuBefore = portal.cpu();
			const clientsBefore = fleet.cpu();
			const started = nowMs();
			try {
				for (let i = 0; i < WARM_UP + PROBES; i++) {
					const t0 = nowMs();
					await postSamples(portal.url, tick(i % 2 === 0));
					const accepted = nowMs();
					const delivery = await fleet.next(lastId);
					lastId = delivery.id;
					if (i < WARM_UP) continue;
					probed.add(delivery.id);
					missing += delivery.missing;
					const last = maxOf(delivery.times);
					toLast.push(last - accepted);
					toFirst.push(delivery.times.reduce((a, b) => Math.min(a, b)) - accepted);
					sendToLast.push(last - t0);
					for (const t of delivery.times) perClient.push(t - accepted);
					await sleep(10);
				}
				rss = `${portal.rssMb().toFixed(0)} MB`;
				const batches = WARM_UP + PROBES;
				const perBatch = (seconds: number) => `${((seconds * 1000) / batches).toFixed(0)} ms`;
				cpuPerBatch = `server ${perBatch(portal.cpu().server - cpuBefore.server)} · sockets' processes ${perBatch(fleet.cpu() - clientsBefore)}`;
			} finally {
				fleet.close();
			}
			const cpu = cpuShare(cpuBefore, portal.cpu(), (nowMs() - started) / 1000);
			const p95 = percentile(toLast, 0.95);
			const target = TARGET_P95_MS[count];
			console.log(
				`[fanout] ${count} sockets: 202 → last socket ${spread(toLast)}; CPU ${cpu}; CPU per batch ${cpuPerBatch}; RSS ${rss}`
			);
			figures.push(
				{
					bench: 'fanout',
					metric: `202 → monitor.batch at the LAST of ${count} sockets (${PROBES} batches)`,
					value: spread(toLast),
					target: target === undefined ? undefined : `p95 ≤ ${target} ms`,
					ok: target === undefined ? undefined : p95 <= target
				},
				{
					bench: 'fanout',
					metric: `202 → monitor.batch per socket, ${count} sockets`,
					value: spread(perClient)
				},
				{
					bench: 'fanout',
					metric: `202 → monitor.batch at the FIRST of ${count} sockets`,
					value: spread(toFirst)
				},
				{
					bench: 'fanout',
					metric: `server's synchronous emit (one event written to all ${count} sockets)`,
					value: spread(emitTimes(portal.log(), probed))
				},
				{
					bench: 'fanout',
					metric: `POST sent → last socket, ${count} sockets`,
					value: spread(sendToLast)
				},
				{ bench: 'fanout', metric: `CPU while probing, ${count} sockets`, value: cpu },
				{
					bench: 'fanout',
					metric: `CPU per batch (ingestion, emit, and every socket receiving it), ${count} sockets`,
					value: cpuPerBatch
				},
				{ bench: 'fanout', metric: `server RSS after probing, ${count} sockets`, value: rss }
			);
			if (missing > 0)
				figures.push({
					bench: 'fanout',
					metric: `deliveries missing, ${count} sockets`,
					value: String(missing),
					ok: false
				});
		}
		return figures;
	} finally {
		await portal.stop();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.table(await run());
}
