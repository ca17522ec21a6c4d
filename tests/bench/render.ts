/**
 * `/app/acme` server render, signed in as an acme viewer, with live data (the demo's 90 days
 * plus fresh samples from the API), under autocannon.
 *   node --import tsx tests/bench/render.ts
 */
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { load } from './cannon';
import {
	bootPortal,
	cpuShare,
	DEMO_COMPONENTS,
	metrics,
	ms,
	postSamples,
	signIn,
	type Figure,
	type SampleBody
} from './harness';

const CONNECTIONS = Number(process.env.BENCH_RENDER_CONNECTIONS ?? 20);
const SECONDS = Number(process.env.BENCH_RENDER_SECONDS ?? 10);

/** The last 10 minutes of an agent reporting every 10 s, db-1 degraded for the last two. */
function recentSamples(): SampleBody[] {
	const now = Date.now();
	return Array.from({ length: 60 }, (_, i) => now - (60 - i) * 10_000).flatMap((at) =>
		DEMO_COMPONENTS.acme.map((component) => ({
			client: 'acme',
			component,
			at: new Date(at).toISOString(),
			status: component === 'db-1' && at > now - 120_000 ? 'degraded' : 'up',
			...metrics()
		}))
	);
}

export async function run(): Promise<Figure[]> {
	const portal = await bootPortal('render');
	try {
		await postSamples(portal.url, recentSamples());
		const cookie = await signIn(portal.url);
		const page = `${portal.url}/app/acme`;
		const check = await fetch(page, { headers: { cookie }, redirect: 'manual' });
		const html = await check.text();
		if (check.status !== 200 || !html.includes('Base PostgreSQL'))
			throw new Error(`/app/acme answered ${check.status} without its components`);
		await load(page, { connections: CONNECTIONS, seconds: 2, headers: { cookie } });
		const before = portal.cpu();
		const r = await load(page, { connections: CONNECTIONS, seconds: SECONDS, headers: { cookie } });
		const cpu = cpuShare(before, portal.cpu(), SECONDS);
		console.log(
			`[render] /app/acme: ${Math.round(r.rps)} req/s, p50 ${ms(r.p50)}, p95 ${ms(r.p95)} (${r.statusCodes}); CPU ${cpu}; load average ${loadavg()
				.map((l) => l.toFixed(2))
				.join(' ')}`
		);
		return [
			{
				bench: 'render',
				metric: `/app/acme signed in, -c ${CONNECTIONS}: throughput`,
				value: `${Math.round(r.rps).toLocaleString('en')} req/s`,
				target: '≥ 1,000 req/s',
				ok: r.rps >= 1000 && r.failures === 0
			},
			{
				bench: 'render',
				metric: '/app/acme latency',
				value: `p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · p99 ${ms(r.p99)}`,
				target: 'p95 ≤ 50 ms',
				ok: r.p95 <= 50
			},
			{ bench: 'render', metric: '/app/acme responses / CPU', value: `${r.statusCodes} · ${cpu}` }
		];
	} finally {
		await portal.stop();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.table(await run());
}
