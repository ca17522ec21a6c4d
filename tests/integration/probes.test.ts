import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { auditLog, probe, sample } from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';
import { runCheck, type ProbeTarget } from '../../src/lib/server/status/probes/run';
import {
	getProbesOfClient,
	removeProbe,
	setProbe
} from '../../src/lib/server/status/probes/service';
import { startJobs, stopJobs } from '../../src/lib/server/jobs/registry';
import { statusJobs } from '../../src/lib/server/status/jobs';
import { createProbeScheduler } from '../../src/lib/server/status/probes/scheduler';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const hits = new Map<string, number>();
let web: Server;
let base = '';
let tcpPort = 0;
let closedPort = 0;
const tcp = createTcpServer((socket) => socket.end());

beforeAll(async () => {
	web = createHttpServer((req, res) => {
		const path = req.url ?? '/';
		hits.set(path, (hits.get(path) ?? 0) + 1);
		if (path.startsWith('/hang')) return;
		const delay = path.startsWith('/slow') ? 300 : 0;
		setTimeout(() => {
			res.writeHead(path.startsWith('/fail') ? 503 : 200, { 'content-type': 'text/plain' });
			res.end('status: all systems nominal');
		}, delay);
	});
	await new Promise<void>((done) => web.listen(0, '127.0.0.1', done));
	base = `http://127.0.0.1:${(web.address() as AddressInfo).port}`;
	await new Promise<void>((done) => tcp.listen(0, '127.0.0.1', done));
	tcpPort = (tcp.address() as AddressInfo).port;
	const spare = createTcpServer();
	await new Promise<void>((done) => spare.listen(0, '127.0.0.1', done));
	closedPort = (spare.address() as AddressInfo).port;
	await new Promise((done) => spare.close(done));
});

afterAll(async () => {
	web.closeAllConnections();
	await new Promise((done) => web.close(done));
	await new Promise((done) => tcp.close(done));
});

/** The scheduler claims every due probe in the database: leave none behind for the next test. */
afterEach(async () => {
	await getDb().update(probe).set({ enabled: false });
});

const httpTarget = (path: string, extra: Partial<ProbeTarget> = {}): ProbeTarget => ({
	kind: 'http',
	target: base + path,
	port: null,
	method: 'GET',
	expectedStatusMin: 200,
	expectedStatusMax: 299,
	keyword: null,
	timeoutMs: 2000,
	...extra
});
const tcpTarget = (port: number): ProbeTarget => ({
	...httpTarget('/'),
	kind: 'tcp',
	target: '127.0.0.1',
	port
});

async function watched(count: number, probeInput: (i: number) => Record<string, unknown>) {
	const tenant = await createTenant(await createStaff());
	const staff = await createStaff('operator');
	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const c = await createComponent(staff, tenant.slug, {
			key: `web-${i}`,
			name: `Web ${i}`,
			kind: 'server'
		});
		await setProbe(staff, tenant.slug, c.key, probeInput(i));
		ids.push(c.id);
	}
	return { staff, tenant, ids };
}

const statuses = async (componentId: string) =>
	(
		await getDb()
			.select()
			.from(sample)
			.where(eq(sample.componentId, componentId))
			.orderBy(asc(sample.at))
	).map((s) => s.status);
const makeDue = (ids: string[]) =>
	getDb()
		.update(probe)
		.set({ nextRunAt: sql`now() - interval '1 second'` })
		.where(inArray(probe.componentId, ids));

describe('probe checks against local servers', () => {
	it('passes on the expected status, and on a keyword present in the body', async () => {
		const result = await runCheck(httpTarget('/ok', { keyword: 'nominal' }));
		expect(result).toMatchObject({ ok: true });
		expect(result.latencyMs).toBeGreaterThanOrEqual(0);
		expect(await runCheck(httpTarget('/ok', { method: 'HEAD' }))).toMatchObject({ ok: true });
	});

	it('fails on a wrong status, a missing keyword, a timeout and a refused connection', async () => {
		expect(await runCheck(httpTarget('/fail'))).toMatchObject({ ok: false, error: 'status:503' });
		expect(
			await runCheck(httpTarget('/fail', { expectedStatusMin: 500, expectedStatusMax: 503 }))
		).toMatchObject({ ok: true });
		expect(await runCheck(httpTarget('/ok', { keyword: 'outage' }))).toMatchObject({
			ok: false,
			error: 'keyword'
		});
		const hung = await runCheck(httpTarget('/hang', { timeoutMs: 200 }));
		expect(hung).toMatchObject({ ok: false, error: 'timeout' });
		expect(hung.latencyMs).toBeGreaterThanOrEqual(190);
		expect(hung.latencyMs).toBeLessThan(1000);
		const refused = { ...httpTarget('/'), target: `http://127.0.0.1:${closedPort}/` };
		expect(await runCheck(refused)).toMatchObject({ ok: false, error: 'network:ECONNREFUSED' });
	});

	it('connects over TCP, and reports a refused port', async () => {
		expect(await runCheck(tcpTarget(tcpPort))).toMatchObject({ ok: true });
		expect(await runCheck(tcpTarget(closedPort))).toMatchObject({
			ok: false,
			error: 'network:ECONNREFUSED'
		});
	});

	it('drops a check interrupted by shutdown', async () => {
		const stop = new AbortController();
		const pending = runCheck(httpTarget('/hang', { timeoutMs: 5000 }), stop.signal);
		stop.abort();
		expect(await pending).toMatchObject({ ok: false, error: 'aborted' });
	});
});

describe('probe scheduler', () => {
	it('records a slow answer as degraded, with its latency', async () => {
		const { ids } = await watched(1, () => ({
			kind: 'http',
			target: `${base}/slow`,
			timeoutMs: 2000,
			degradedAboveMs: 100
		}));
		const scheduler = createProbeScheduler();
		expect(await scheduler.tick()).toBeGreaterThanOrEqual(1);
		await scheduler.drain();
		const [stored] = await getDb().select().from(sample).where(eq(sample.componentId, ids[0]));
		expect(stored.status).toBe('degraded');
		expect(stored.latencyMs).toBeGreaterThanOrEqual(290);
		const [row] = await getDb().select().from(probe).where(eq(probe.componentId, ids[0]));
		expect(row).toMatchObject({ lastStatus: 'degraded', consecutiveFailures: 0, lastError: null });
		expect(row.lastRunAt).toBeInstanceOf(Date);
		expect(row.nextRunAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
	});

	it('turns down only after N failures in a row, then recovers on a success', async () => {
		const { ids, staff, tenant } = await watched(1, () => ({
			kind: 'tcp',
			target: '127.0.0.1',
			port: closedPort,
			failuresBeforeDown: 3
		}));
		const scheduler = createProbeScheduler();
		for (let run = 0; run < 4; run++) {
			await makeDue(ids);
			await scheduler.tick();
			await scheduler.drain();
		}
		expect(await statuses(ids[0])).toEqual(['up', 'up', 'down', 'down']);
		const [row] = await getDb().select().from(probe).where(eq(probe.componentId, ids[0]));
		expect(row).toMatchObject({
			lastStatus: 'down',
			consecutiveFailures: 4,
			lastError: 'network:ECONNREFUSED'
		});

		await setProbe(staff, tenant.slug, 'web-0', {
			kind: 'tcp',
			target: '127.0.0.1',
			port: tcpPort
		});
		await scheduler.tick();
		await scheduler.drain();
		expect((await statuses(ids[0])).at(-1)).toBe('up');
	});

	it('runs each due probe exactly once per interval with two nodes racing', async () => {
		const { ids } = await watched(20, (i) => ({
			kind: 'http',
			target: `${base}/count/${i}`,
			intervalSeconds: 60,
			timeoutMs: 2000
		}));
		const pools = [
			postgres(process.env.DATABASE_URL!, { max: 4 }),
			postgres(process.env.DATABASE_URL!, { max: 4 })
		];
		const nodes = pools.map((pool) => createProbeScheduler(pool, 6));
		const race = async () => {
			const started = [0, 0];
			const until = Date.now() + 800;
			await Promise.all(
				nodes.map(async (node, n) => {
					while (Date.now() < until) {
						started[n] += await node.tick();
						await new Promise((r) => setTimeout(r, 5));
					}
					await node.drain();
				})
			);
			return started;
		};
		try {
			const first = await race();
			expect(first[0] + first[1]).toBe(20);
			expect(first[0]).toBeGreaterThan(0);
			expect(first[1]).toBeGreaterThan(0);
			await makeDue(ids);
			const second = await race();
			expect(second[0] + second[1]).toBe(20);
		} finally {
			await Promise.all(pools.map((pool) => pool.end()));
		}
		for (let i = 0; i < 20; i++) expect(hits.get(`/count/${i}`)).toBe(2);
		for (const id of ids) expect(await statuses(id)).toEqual(['up', 'up']);
	});

	it('runs in the app loop once started, and stops cleanly', async () => {
		const { ids } = await watched(1, () => ({ kind: 'tcp', target: '127.0.0.1', port: tcpPort }));
		await startJobs(statusJobs());
		await startJobs(statusJobs());
		const deadline = Date.now() + 5000;
		while ((await statuses(ids[0])).length === 0 && Date.now() < deadline)
			await new Promise((r) => setTimeout(r, 100));
		await stopJobs();
		await stopJobs();
		expect(await statuses(ids[0])).toEqual(['up']);
	});
});

describe('probe configuration (staff only)', () => {
	it('refuses invalid settings with a 422 naming each field', async () => {
		const { staff, tenant } = await watched(1, () => ({
			kind: 'tcp',
			target: '127.0.0.1',
			port: tcpPort
		}));
		const refusal = async (input: Record<string, unknown>) => {
			try {
				await setProbe(staff, tenant.slug, 'web-0', input);
			} catch (e) {
				if (e instanceof ServiceError)
					return [e.status, Object.keys((e.details as { fields: object }).fields)];
				throw e;
			}
			return 'accepted';
		};
		expect(
			await refusal({ kind: 'http', target: 'ftp://x.test', intervalSeconds: 5, timeoutMs: 1000 })
		).toEqual([422, ['target', 'intervalSeconds']]);
		expect(
			await refusal({ kind: 'http', target: `${base}/`, intervalSeconds: 10, timeoutMs: 10_000 })
		).toEqual([422, ['timeoutMs']]);
		expect(
			await refusal({ kind: 'tcp', target: '127.0.0.1', port: 0, failuresBeforeDown: 0 })
		).toEqual([422, ['port', 'failuresBeforeDown']]);
		expect(
			await refusal({
				kind: 'http',
				target: `${base}/`,
				expectedStatusMin: 500,
				expectedStatusMax: 400
			})
		).toEqual([422, ['expectedStatusMax']]);
		const [kept] = await getProbesOfClient(staff, tenant.slug);
		expect(kept.probe).toMatchObject({ kind: 'tcp', port: tcpPort });
	});

	it('lets an operator create, replace and remove a probe, audited', async () => {
		const operator = await createStaff('operator');
		const tenant = await createTenant(await createStaff());
		await createComponent(operator, tenant.slug, { key: 'api', name: 'API', kind: 'application' });
		const created = await setProbe(operator, tenant.slug, 'api', {
			kind: 'http',
			target: `${base}/ok`,
			keyword: 'nominal'
		});
		const replaced = await setProbe(operator, tenant.slug, 'api', {
			kind: 'tcp',
			target: 'db.internal',
			port: 5432,
			enabled: false
		});
		expect(replaced).toMatchObject({
			id: created.id,
			kind: 'tcp',
			keyword: null,
			enabled: false,
			consecutiveFailures: 0
		});
		expect((await getProbesOfClient(operator, tenant.slug))[0].probe?.target).toBe('db.internal');
		await removeProbe(operator, tenant.slug, 'api');
		expect((await getProbesOfClient(operator, tenant.slug))[0].probe).toBeNull();
		expect(await statusOf(() => removeProbe(operator, tenant.slug, 'api'))).toBe(404);
		expect(
			await statusOf(() =>
				setProbe(operator, tenant.slug, 'nope', { kind: 'tcp', target: 'h', port: 1 })
			)
		).toBe(404);
		const audit = await getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.clientId, tenant.id), eq(auditLog.targetType, 'probe')))
			.orderBy(asc(auditLog.id));
		expect(audit.map((a) => a.action)).toEqual(['probe.created', 'probe.updated', 'probe.deleted']);
	});

	it('answers 404 to client members, even their own admin', async () => {
		const { tenant } = await watched(1, () => ({
			kind: 'tcp',
			target: '127.0.0.1',
			port: tcpPort
		}));
		const admin: RequestContext = await createMember(tenant.id, tenant.slug, 'admin');
		expect(await statusOf(() => getProbesOfClient(admin, tenant.slug))).toBe(404);
		expect(
			await statusOf(() =>
				setProbe(admin, tenant.slug, 'web-0', { kind: 'tcp', target: 'h', port: 1 })
			)
		).toBe(404);
		expect(await statusOf(() => removeProbe(admin, tenant.slug, 'web-0'))).toBe(404);
	});
});
