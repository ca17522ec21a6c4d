/**
 * Server RSS with 2,000 then 10,000 idle signed-in sockets (spread over child processes).
 *   node --import tsx tests/bench/memory.ts
 */
import { pathToFileURL } from 'node:url';
import { bootPortal, nowMs, signIn, sleep, type Figure } from './harness';
import { SocketFleet } from './sockets';

const LEVELS = (process.env.BENCH_MEMORY_LEVELS ?? '2000,10000').split(',').map(Number);
/** Lets the handshakes' garbage be collected before reading RSS. */
const SETTLE_MS = 3000;

export async function run(): Promise<Figure[]> {
	const portal = await bootPortal('memory');
	const fleets: SocketFleet[] = [];
	try {
		const cookie = await signIn(portal.url);
		await sleep(SETTLE_MS);
		const baseline = portal.rssMb();
		const figures: Figure[] = [
			{ bench: 'memory', metric: 'server RSS, no socket', value: `${baseline.toFixed(0)} MB` }
		];
		let open = 0;
		for (const level of LEVELS) {
			const t0 = nowMs();
			fleets.push(await SocketFleet.open(portal.url, cookie, level - open, 'monitor.batch'));
			const rate = (level - open) / ((nowMs() - t0) / 1000);
			open = level;
			await sleep(SETTLE_MS);
			const rss = portal.rssMb();
			const perSocketKb = ((rss - baseline) * 1024) / level;
			console.log(
				`[memory] ${level} sockets: RSS ${rss.toFixed(0)} MB (${perSocketKb.toFixed(0)} KB per socket), connected at ${Math.round(rate)}/s`
			);
			figures.push({
				bench: 'memory',
				metric: `server RSS, ${level.toLocaleString('en')} idle signed-in sockets`,
				value: `${rss.toFixed(0)} MB (+${perSocketKb.toFixed(0)} KB per socket; ${Math.round(rate)} handshakes/s)`,
				target: level === 10_000 ? '≤ 500 MB' : undefined,
				ok: level === 10_000 ? rss <= 500 : undefined
			});
		}
		return figures;
	} finally {
		for (const fleet of fleets) fleet.close();
		await portal.stop();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.table(await run());
}
