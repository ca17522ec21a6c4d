import { and, asc, desc, eq, gt, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	createComponent,
	deleteComponent,
	updateComponent
} from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb, getSql } from '../../src/lib/server/db';
import {
	event,
	metricRollup,
	sample,
	statusDay,
	statusInterval
} from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';
import { ingestSamples } from '../../src/lib/server/status/ingest';
import { sweepSilentComponents } from '../../src/lib/server/status/store';
import { createMember, createStaff, createTenant } from './factories';

const ingest: RequestContext = {
	actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'ingest' },
	ip: null
};
const NOW = new Date('2026-10-05T09:00:00Z');
const at = (minute: number) => new Date(Date.UTC(2026, 9, 5, 8, minute)).toISOString();

async function tenantWithServer(isPublic = false) {
	const staff = await createStaff();
	const tenant = await createTenant(staff);
	const server = await createComponent(staff, tenant.slug, {
		key: 'web-1',
		name: 'Web 1',
		kind: 'server',
		public: isPublic
	});
	return { staff, tenant, server };
}

async function timeline(componentId: string) {
	const rows = await getDb()
		.select()
		.from(statusInterval)
		.where(eq(statusInterval.componentId, componentId))
		.orderBy(asc(statusInterval.fromAt));
	return rows.map((r) => [r.status, r.fromAt.toISOString(), r.toAt?.toISOString() ?? null]);
}

async function refusal(run: () => Promise<unknown>): Promise<ServiceError> {
	try {
		await run();
	} catch (e) {
		if (e instanceof ServiceError) return e;
		throw e;
	}
	throw new Error('expected a refusal');
}

describe('POST /api/v1/samples (monitoring, 001 §4.1.1)', () => {
	it('stores a batch once: a re-sent batch counts as duplicates and changes nothing', async () => {
		const { tenant, server } = await tenantWithServer();
		const batch = {
			samples: [0, 1, 2].map((minute) => ({
				client: tenant.slug,
				component: 'web-1',
				at: at(minute),
				status: 'up',
				cpuPct: 10 * (minute + 1)
			}))
		};
		expect(await ingestSamples(ingest, batch, NOW)).toEqual({ accepted: 3, duplicates: 0 });
		expect(await ingestSamples(ingest, batch, NOW)).toEqual({ accepted: 0, duplicates: 3 });
		const stored = await getDb().select().from(sample).where(eq(sample.componentId, server.id));
		expect(stored).toHaveLength(3);
		const [hour] = await getDb()
			.select()
			.from(metricRollup)
			.where(and(eq(metricRollup.componentId, server.id), eq(metricRollup.resolution, 'hour')));
		expect(hour.samples).toBe(3);
		expect(hour.cpuSum / hour.cpuCount).toBeCloseTo(20);
		expect(await timeline(server.id)).toEqual([
			['up', at(0), at(5)],
			['unknown', at(5), null]
		]);
	});

	it('refuses the whole batch, naming every failing index, when one item is wrong', async () => {
		const { tenant, server } = await tenantWithServer();
		const future = new Date(NOW.getTime() + 6 * 60_000).toISOString();
		const error = await refusal(() =>
			ingestSamples(
				ingest,
				{
					samples: [
						{ client: tenant.slug, component: 'web-1', at: at(0), status: 'up' },
						{ client: tenant.slug, component: 'web-1', at: at(1), status: 'sideways' },
						{ client: tenant.slug, component: 'web-1', at: future, status: 'up' },
						{ client: tenant.slug, component: 'nope', at: at(2), status: 'up' },
						{ client: tenant.slug, component: 'web-1', at: at(3), status: 'up', cpuPct: 140 }
					]
				},
				NOW
			)
		);
		expect(error.status).toBe(422);
		const items = (error.details as { items: { index: number; fields: Record<string, string> }[] })
			.items;
		expect(items.map((i) => i.index)).toEqual([1, 2, 3, 4]);
		expect(Object.keys(items.find((i) => i.index === 2)!.fields)).toEqual(['at']);
		expect(
			await getDb().select().from(sample).where(eq(sample.componentId, server.id))
		).toHaveLength(0);
	});

	it('refuses a batch over 5,000 samples, an empty one, and callers without an ingest or admin token', async () => {
		const { tenant } = await tenantWithServer();
		const one = { client: tenant.slug, component: 'web-1', at: at(0), status: 'up' };
		expect(
			(await refusal(() => ingestSamples(ingest, { samples: Array(5001).fill(one) }, NOW))).status
		).toBe(422);
		expect((await refusal(() => ingestSamples(ingest, { samples: [] }, NOW))).status).toBe(422);
		expect((await refusal(() => ingestSamples(ingest, [one], NOW))).status).toBe(422);
		const reader: RequestContext = {
			actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'read' },
			ip: null
		};
		expect((await refusal(() => ingestSamples(reader, { samples: [one] }, NOW))).status).toBe(403);
		const member = await createMember(tenant.id, tenant.slug, 'admin');
		expect((await refusal(() => ingestSamples(member, { samples: [one] }, NOW))).status).toBe(403);
	});

	it('rebuilds the timeline when a backfilled sample lands inside a stored period', async () => {
		const { tenant, server } = await tenantWithServer();
		const send = (items: [number, string][]) =>
			ingestSamples(
				ingest,
				{
					samples: items.map(([minute, status]) => ({
						client: tenant.slug,
						component: 'web-1',
						at: at(minute),
						status
					}))
				},
				new Date(at(12))
			);
		await send([
			[0, 'up'],
			[2, 'up'],
			[4, 'up'],
			[6, 'up'],
			[8, 'up'],
			[10, 'up']
		]);
		expect(await timeline(server.id)).toEqual([['up', at(0), null]]);
		await send([[5, 'down']]);
		expect(await timeline(server.id)).toEqual([
			['up', at(0), at(5)],
			['down', at(5), at(6)],
			['up', at(6), null]
		]);
		await send([
			[11, 'up'],
			[1, 'up']
		]);
		expect(await timeline(server.id)).toEqual([
			['up', at(0), at(5)],
			['down', at(5), at(6)],
			['up', at(6), null]
		]);
		const [day] = await getDb()
			.select()
			.from(statusDay)
			.where(eq(statusDay.componentId, server.id));
		expect(day.downSeconds).toBe(60);
		expect(day.upSeconds).toBe(11 * 60);
	});

	it('appends one live event per client and batch, and a public one only for public components', async () => {
		const a = await tenantWithServer(true);
		const b = await tenantWithServer(false);
		const before = (await getDb().select({ id: event.id }).from(event)).reduce(
			(n, r) => Math.max(n, r.id),
			0
		);
		const samples = [a, b].flatMap(({ tenant }) =>
			[0, 1].map((minute) => ({
				client: tenant.slug,
				component: 'web-1',
				at: at(minute),
				status: 'down',
				latencyMs: 12
			}))
		);
		await ingestSamples(ingest, { samples }, new Date(at(2)));
		const events = await getDb()
			.select()
			.from(event)
			.where(gt(event.id, before))
			.orderBy(asc(event.id));
		expect(events.map((e) => [e.kind, e.clientId, e.isPublic]).sort()).toEqual(
			[
				['monitor.batch', a.tenant.id, false],
				['monitor.batch', b.tenant.id, false],
				['public.status', null, true]
			].sort()
		);
		expect(events.find((e) => e.clientId === a.tenant.id)!.payload).toMatchObject({
			clientSlug: a.tenant.slug,
			changes: [{ key: 'web-1', status: 'down', since: at(0) }],
			points: [{ key: 'web-1', at: at(1), latencyMs: 12, cpuPct: null }]
		});
		expect(JSON.stringify(events.find((e) => e.isPublic)!.payload)).not.toContain(a.tenant.slug);
	});
});

describe('silence (a gap is unknown, never downtime)', () => {
	it('turns a silent component unknown three intervals after its last sample, and says so live', async () => {
		const { tenant, server } = await tenantWithServer();
		await ingestSamples(
			ingest,
			{ samples: [{ client: tenant.slug, component: 'web-1', at: at(0), status: 'up' }] },
			new Date(at(1))
		);
		expect(await timeline(server.id)).toEqual([['up', at(0), null]]);
		expect(await sweepSilentComponents(new Date(at(2)))).toBeGreaterThanOrEqual(0);
		expect(await timeline(server.id)).toEqual([['up', at(0), null]]);
		await sweepSilentComponents(new Date(at(4)));
		expect(await timeline(server.id)).toEqual([
			['up', at(0), at(3)],
			['unknown', at(3), null]
		]);
		const [last] = await getDb()
			.select()
			.from(event)
			.where(eq(event.clientId, tenant.id))
			.orderBy(desc(event.id))
			.limit(1);
		expect(last.payload).toMatchObject({
			changes: [{ key: 'web-1', status: 'unknown', since: at(3) }],
			points: []
		});
	});
});

describe("a component's expected interval (agent-fed, default 60 s)", () => {
	it('sets how long a silence lasts before unknown, and is validated', async () => {
		const { staff, tenant, server } = await tenantWithServer();
		expect(
			(
				await refusal(() =>
					updateComponent(staff, tenant.slug, 'web-1', { expectedIntervalSeconds: 5 })
				)
			).status
		).toBe(422);
		await updateComponent(staff, tenant.slug, 'web-1', { expectedIntervalSeconds: 600 });
		await ingestSamples(
			ingest,
			{ samples: [{ client: tenant.slug, component: 'web-1', at: at(0), status: 'up' }] },
			new Date(at(1))
		);
		await sweepSilentComponents(new Date(at(29)));
		expect(await timeline(server.id)).toEqual([['up', at(0), null]]);
		await sweepSilentComponents(new Date(at(31)));
		expect(await timeline(server.id)).toEqual([
			['up', at(0), at(30)],
			['unknown', at(30), null]
		]);
	});
});

describe('a batch in PostgreSQL', () => {
	it('stores the first of two samples at one instant, and sums rollups over minutes, hours and days', async () => {
		const { tenant, server } = await tenantWithServer();
		const item = (minute: number, cpuPct: number) => ({
			client: tenant.slug,
			component: 'web-1',
			at: new Date(Date.UTC(2026, 9, 5, 6, minute)).toISOString(),
			status: 'up',
			cpuPct
		});
		const samples = [item(0, 10), item(0, 99), item(1, 20), item(61, 30), item(62, 40)];
		expect(await ingestSamples(ingest, { samples }, NOW)).toEqual({ accepted: 4, duplicates: 1 });
		const rollups = await getDb()
			.select()
			.from(metricRollup)
			.where(eq(metricRollup.componentId, server.id))
			.orderBy(asc(metricRollup.resolution), asc(metricRollup.bucket));
		expect(rollups.map((r) => [r.resolution, r.samples, r.cpuSum, r.cpuCount])).toEqual([
			['day', 4, 100, 4],
			['hour', 2, 30, 2],
			['hour', 2, 70, 2],
			['minute', 1, 10, 1],
			['minute', 1, 20, 1],
			['minute', 1, 30, 1],
			['minute', 1, 40, 1]
		]);
	});
});

describe('a batch that appends', () => {
	it('leaves out of the timeline a re-sent older sample that says otherwise', async () => {
		const { tenant, server } = await tenantWithServer();
		const send = (items: [number, string][]) =>
			ingestSamples(
				ingest,
				{
					samples: items.map(([minute, status]) => ({
						client: tenant.slug,
						component: 'web-1',
						at: at(minute),
						status
					}))
				},
				new Date(at(7))
			);
		await send([
			[0, 'up'],
			[2, 'up'],
			[4, 'up']
		]);
		expect(
			await send([
				[2, 'down'],
				[5, 'up'],
				[6, 'up']
			])
		).toEqual({ accepted: 2, duplicates: 1 });
		expect(await timeline(server.id)).toEqual([['up', at(0), null]]);
	});
	it('leaves out only the stored instants of a component re-sent beside one that appends', async () => {
		const { staff, tenant, server } = await tenantWithServer();
		const db = await createComponent(staff, tenant.slug, {
			key: 'db-1',
			name: 'DB 1',
			kind: 'server'
		});
		const item = (component: string, minute: number) => ({
			client: tenant.slug,
			component,
			at: at(minute),
			status: 'up',
			cpuPct: 50
		});
		await ingestSamples(ingest, { samples: [item('web-1', 2), item('db-1', 1)] }, NOW);
		const result = await ingestSamples(
			ingest,
			{ samples: [1, 2, 3].flatMap((minute) => [item('web-1', minute), item('db-1', minute + 1)]) },
			NOW
		);
		expect(result).toEqual({ accepted: 5, duplicates: 1 });
		const counts = await getSql()`
			select component_id, count(*)::int as n from sample group by component_id`;
		const n = (id: string) => counts.find((r) => r.component_id === id)?.n;
		expect([n(server.id), n(db.id)]).toEqual([3, 4]);
		const hours = await getDb()
			.select()
			.from(metricRollup)
			.where(eq(metricRollup.resolution, 'hour'));
		const hour = (id: string) => hours.find((r) => r.componentId === id);
		expect([hour(server.id)?.samples, hour(db.id)?.samples]).toEqual([3, 4]);
		expect(hour(server.id)!.cpuSum).toBe(150);
	});
});

describe('samples and their component, without a row-level foreign key (migration 0021)', () => {
	const samplesOf = async (componentId: string) =>
		(await getSql()`select count(*)::int as n from sample where component_id = ${componentId}`)[0]
			.n as number;
	const one = (slug: string, minute = 0) => ({
		samples: [{ client: slug, component: 'web-1', at: at(minute), status: 'up' }]
	});

	it('deletes the samples with their component, and with their client', async () => {
		const { staff, tenant, server } = await tenantWithServer();
		await ingestSamples(ingest, one(tenant.slug), NOW);
		expect(await samplesOf(server.id)).toBe(1);
		await deleteComponent(staff, tenant.slug, 'web-1');
		expect(await samplesOf(server.id)).toBe(0);

		const other = await tenantWithServer();
		await ingestSamples(ingest, one(other.tenant.slug), NOW);
		await getDb().execute(sql`delete from client where id = ${other.tenant.id}`);
		expect(await samplesOf(other.server.id)).toBe(0);
	});

	it('refuses a batch whose component is deleted while it waits for the lock, and stores nothing', async () => {
		const { tenant, server } = await tenantWithServer();
		let deleted!: () => void;
		let commit!: () => void;
		const deleting = new Promise<void>((done) => (deleted = done));
		const held = new Promise<void>((done) => (commit = done));
		const deletion = getSql().begin(async (tx) => {
			await tx`delete from component where id = ${server.id}`;
			deleted();
			await held;
		});
		await deleting;
		const batch = ingestSamples(ingest, one(tenant.slug), NOW).then(
			() => null,
			(e: unknown) => e
		);
		await new Promise((wait) => setTimeout(wait, 200));
		commit();
		await deletion;
		const error = await batch;
		expect(error).toBeInstanceOf(ServiceError);
		expect((error as ServiceError).status).toBe(422);
		expect((error as ServiceError).details).toEqual({
			items: [{ index: 0, fields: { component: expect.any(String) } }]
		});
		expect(await samplesOf(server.id)).toBe(0);
	});

	it('deletes what a batch stored when the deletion waited for the batch', async () => {
		const { server } = await tenantWithServer();
		let locked!: () => void;
		let commit!: () => void;
		const locking = new Promise<void>((done) => (locked = done));
		const held = new Promise<void>((done) => (commit = done));
		const batch = getSql().begin(async (tx) => {
			await tx`select id from component where id = ${server.id} for no key update`;
			await tx`insert into sample (component_id, at, status) values (${server.id}, ${at(0)}::timestamptz, 'up')`;
			locked();
			await held;
		});
		await locking;
		const deletion = getSql()`delete from component where id = ${server.id}`;
		await new Promise((wait) => setTimeout(wait, 200));
		commit();
		await batch;
		await deletion;
		expect(await samplesOf(server.id)).toBe(0);
	});

	it("never changes a component's id", async () => {
		const { server } = await tenantWithServer();
		await expect(
			getDb().execute(sql`update component set id = gen_random_uuid() where id = ${server.id}`)
		).rejects.toThrow();
	});
});
