/**
 * One client with 1,000 components (200 servers), all public, 90 days of history and two hours
 * of server metrics: the size of `/app/<client>`, `/status` and the staff console's client page
 * (HTML bytes plain and compressed), and in Chromium their DOM size, first paint and time until
 * live (socket connected, every chart and uptime bar in view drawn).
 *   node --import tsx tests/bench/many-components.ts
 */
import { request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import postgres from 'postgres';
import { load } from './cannon';
import { bootPortal, ms, percentile, SESSION_COOKIE, signIn, type Figure } from './harness';

const CLIENT = 'bulk';
const VIEWER = 'viewer@bulk.test';
const KINDS: [string, number][] = [
	['server', 200],
	['application', 300],
	['database', 250],
	['network', 150],
	['backup', 100]
];
const RUNS = Number(process.env.BENCH_MANY_RUNS ?? 3);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** 1,000 components: most up for 30 days, 2 % down and 3 % degraded for the last hour, a few bad days each. */
export async function seed(databaseUrl: string) {
	const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
	try {
		const [owner] = await sql`
			insert into client (slug, name) values (${CLIENT}, 'Bulk Hébergement') returning id`;
		await sql`insert into contract (client_id, preset, monthly_fee_cents) values (${owner.id}, 'alteo', 100000)`;
		const rows = KINDS.flatMap(([kind, count]) =>
			Array.from({ length: count }, (_, i) => ({
				client_id: owner.id,
				key: `${kind}-${String(i + 1).padStart(3, '0')}`,
				name: `${kind} ${i + 1}`,
				kind,
				public: true
			}))
		);
		await sql`insert into component ${sql(rows, 'client_id', 'key', 'name', 'kind', 'public')}`;
		// A state per component from its rank: every 50th down, every 33rd degraded, for the last hour.
		await sql`
			with c as (select id, row_number() over (order by key) as n from component where client_id = ${owner.id}),
			s as (select id, case when n % 50 = 0 then 'down' when n % 33 = 0 then 'degraded' else 'up' end as now_status from c)
			insert into status_interval (component_id, status, from_at, to_at)
			select id, 'up', now() - interval '30 days', case when now_status = 'up' then null else now() - interval '1 hour' end from s
			union all
			select id, now_status, now() - interval '1 hour', null from s where now_status <> 'up'`;
		await sql`
			insert into status_day (component_id, day, up_seconds, down_seconds)
			select id, day, 86400 - bad, bad from (
				select c.id, d::date as day, case when random() < 0.05 then (random() * 3600)::int else 0 end as bad
				from component c, generate_series(now() - interval '89 days', now() - interval '31 days', interval '1 day') d
				where c.client_id = ${owner.id}) as days`;
		await sql`
			insert into metric_rollup (component_id, resolution, bucket, samples, up_count, degraded_count, down_count,
				latency_sum, latency_count, cpu_sum, cpu_count, ram_sum, ram_count, disk_sum, disk_count,
				net_in_sum, net_in_count, net_out_sum, net_out_count, load_sum, load_count, iowait_sum, iowait_count)
			select c.id, 'minute', b, 1, 1, 0, 0, 20 + random() * 80, 1, random() * 100, 1, 40 + random() * 40, 1,
				55, 1, random() * 5e6, 1, random() * 2e6, 1, random() * 4, 1, random() * 10, 1
			from component c, generate_series(date_trunc('minute', now()) - interval '2 hours', date_trunc('minute', now()), interval '1 minute') b
			where c.client_id = ${owner.id} and c.kind = 'server'`;
		const [user] = await sql`
			insert into "user" (email, name, password_hash)
			select ${VIEWER}, 'Bulk viewer', password_hash from "user" where email = 'viewer@acme.test'
			returning id`;
		await sql`insert into membership (user_id, client_id, role) values (${user.id}, ${owner.id}, 'viewer')`;
	} finally {
		await sql.end();
	}
}

/** The body's size on the wire, undecoded, for one accept-encoding. */
function bytesOnWire(url: string, cookie: string | null, encoding: string): Promise<number> {
	return new Promise((done, fail) => {
		const req = request(
			url,
			{ headers: { 'accept-encoding': encoding, ...(cookie ? { cookie } : {}) } },
			(res) => {
				if (res.statusCode !== 200) return fail(new Error(`${url} answered ${res.statusCode}`));
				let size = 0;
				res.on('data', (chunk: Buffer) => (size += chunk.length));
				res.on('end', () => done(size));
			}
		);
		req.on('error', fail);
		req.end();
	});
}

interface BrowserRun {
	firstPaint: number;
	live: number;
	nodes: number;
}

/** In the page: the time since navigation once the socket is live and everything in view is drawn, else false. */
const LIVE_IN_PAGE = `(() => {
	const indicator = document.querySelector('[data-testid="live-indicator"]');
	if (indicator?.getAttribute('data-status') !== 'live') return false;
	const inView = (e) => {
		const box = e.getBoundingClientRect();
		return box.bottom > 0 && box.top < innerHeight;
	};
	const cards = [...document.querySelectorAll('[data-testid="server-metrics"]')].filter(inView);
	if (cards.some((c) => !['ready', 'failed'].includes(c.getAttribute('data-state') ?? ''))) return false;
	const bars = [...document.querySelectorAll('canvas[data-days]')].filter(inView);
	if (bars.some((b) => !b.hasAttribute('data-drawn'))) return false;
	return performance.now();
})()`;

/** Opens the page in a fresh context; times from navigation start, read in the page. */
async function openInChromium(
	browser: Browser,
	url: string,
	cookie: string | null
): Promise<BrowserRun> {
	const context = await browser.newContext({
		locale: 'fr-FR',
		viewport: { width: 1280, height: 900 },
		// The probe below is evaluated from a string, which the pages' CSP would refuse.
		bypassCSP: true
	});
	if (cookie) {
		const [name, value] = cookie.split('=');
		await context.addCookies([{ name, value, url }]);
	}
	const page = await context.newPage();
	try {
		await page.goto(url, { waitUntil: 'commit' });
		// A string, not a function: tsx would wrap inner functions in a helper the page lacks.
		const live = await page.waitForFunction(LIVE_IN_PAGE, undefined, {
			polling: 'raf',
			timeout: 60_000
		});
		const liveAt = (await live.jsonValue()) as number;
		const figures = (await page.evaluate(`({
			firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
			nodes: document.getElementsByTagName('*').length
		})`)) as { firstPaint: number; nodes: number };
		return { ...figures, live: liveAt };
	} finally {
		await context.close();
	}
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function measurePage(
	browser: Browser,
	base: string,
	path: string,
	cookie: string | null
): Promise<Figure[]> {
	const url = `${base}${path}`;
	const plain = await bytesOnWire(url, cookie, 'identity');
	const br = await bytesOnWire(url, cookie, 'br');
	const gzip = await bytesOnWire(url, cookie, 'gzip');
	await openInChromium(browser, url, cookie);
	const runs: BrowserRun[] = [];
	for (let i = 0; i < RUNS; i++) runs.push(await openInChromium(browser, url, cookie));
	const median = (pick: (r: BrowserRun) => number) => percentile(runs.map(pick), 0.5);
	const nodes = Math.max(...runs.map((r) => r.nodes));
	const firstPaint = median((r) => r.firstPaint);
	const live = median((r) => r.live);
	console.log(
		`[many] ${path}: HTML ${kb(plain)} (br ${kb(br)}, gzip ${kb(gzip)}), ${nodes} DOM nodes, first paint ${ms(firstPaint)}, live ${ms(live)}`
	);
	return [
		{
			bench: 'many',
			metric: `${path}, 1,000 components: HTML (plain / br / gzip)`,
			value: `${kb(plain)} / ${kb(br)} / ${kb(gzip)}`,
			target: '< 300 KB compressed',
			ok: Math.max(br, gzip) < 300 * 1024
		},
		{
			bench: 'many',
			metric: `${path}: DOM nodes`,
			value: nodes.toLocaleString('en'),
			target: '< 10,000',
			ok: nodes < 10_000
		},
		{
			bench: 'many',
			metric: `${path}: first paint / live (socket, charts and bars in view drawn), Chromium, median of ${RUNS}`,
			value: `${ms(firstPaint)} / ${ms(live)}`,
			target: '< 1 s each',
			ok: firstPaint < 1000 && live < 1000
		}
	];
}

export async function run(): Promise<Figure[]> {
	const portal = await bootPortal('many');
	const browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: ['--no-sandbox', '--disable-gpu']
	});
	try {
		await seed(portal.databaseUrl);
		const viewer = await signIn(portal.url, VIEWER);
		const staff = await signIn(portal.url, 'staff@demo.test');
		if (!viewer.startsWith(`${SESSION_COOKIE}=`)) throw new Error('no session cookie');
		const figures = [
			...(await measurePage(browser, portal.url, `/app/${CLIENT}`, viewer)),
			...(await measurePage(browser, portal.url, '/status', null)),
			...(await measurePage(browser, portal.url, `/staff/clients/${CLIENT}`, staff))
		];
		const r = await load(`${portal.url}/app/${CLIENT}`, {
			connections: 20,
			seconds: 5,
			headers: { cookie: viewer, 'accept-encoding': 'br' }
		});
		figures.push({
			bench: 'many',
			metric: `/app/${CLIENT} signed in, -c 20, brotli`,
			value: `${Math.round(r.rps)} req/s · p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · ${r.statusCodes}`
		});
		return figures;
	} finally {
		await browser.close();
		await portal.stop();
	}
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
	console.table(await run());
}
