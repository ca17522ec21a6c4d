import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { getClientHome } from '../../src/lib/server/status/client-home';
import { liveStatusDays, refreshStatusDays } from '../../src/lib/server/status/days';
import { ingestSamples } from '../../src/lib/server/status/ingest';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const ingest: RequestContext = {
	actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'ingest' },
	ip: null
};

async function tenantWithServer() {
	const staff = await createStaff();
	const tenant = await createTenant(staff);
	await createComponent(staff, tenant.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
	const [row] = (await getDb().execute(
		sql`select id from component where client_id = ${tenant.id} and key = 'web-1'`
	)) as unknown as { id: string }[];
	return {
		tenant,
		componentId: row.id,
		viewer: await createMember(tenant.id, tenant.slug, 'viewer')
	};
}

const sample = (client: string, at: string, status: string) => ({
	client,
	component: 'web-1',
	at,
	status,
	cpuPct: 1
});

describe("the open period's days", () => {
	it('are the figures the full timeline computation gives, a DST day of 25 hours included', async () => {
		const { componentId } = await tenantWithServer();
		const now = new Date('2026-10-28T10:00:00Z');
		// A timeline as ingestion leaves it: an hour down, then up ever since (the period still open).
		await getDb().execute(sql`
			insert into status_interval (component_id, status, from_at, to_at) values
				(${componentId}, 'down', '2026-10-20T08:00:00Z', '2026-10-20T09:00:00Z'),
				(${componentId}, 'up', '2026-10-20T09:00:00Z', null)`);
		const span = {
			componentId,
			from: new Date('2026-10-20T09:00:00Z'),
			timezone: 'Europe/Paris'
		};
		const live = await liveStatusDays(getDb(), [{ ...span, status: 'up' }], now);
		await refreshStatusDays(getDb(), [span], now);
		const stored = (await getDb().execute(sql`
			select day::text as day, up_seconds, degraded_seconds, down_seconds, unknown_seconds
			from status_day where component_id = ${componentId} and day >= '2026-10-20' order by day`)) as unknown as Record<
			string,
			unknown
		>[];
		const byDay = (rows: Record<string, unknown>[]) =>
			rows
				.map(({ day, up_seconds, degraded_seconds, down_seconds, unknown_seconds }) => ({
					day,
					up_seconds,
					degraded_seconds,
					down_seconds,
					unknown_seconds
				}))
				.sort((a, b) => String(a.day).localeCompare(String(b.day)));
		expect(live).toHaveLength(9);
		expect(byDay(live as unknown as Record<string, unknown>[])).toEqual(byDay(stored));
		expect(live.find((d) => d.day === '2026-10-25')!.up_seconds).toBe(25 * 3600);
	});
});

describe("a client's home", () => {
	it('is shared by its viewers until an event of that client is written', async () => {
		const { tenant, viewer } = await tenantWithServer();
		const other = await createMember(tenant.id, tenant.slug, 'admin');
		const first = await getClientHome(viewer, tenant.slug);
		expect(await getClientHome(other, tenant.slug)).toBe(first);
		expect(first.components.map((c) => [c.key, c.status])).toEqual([['web-1', 'unknown']]);

		await ingestSamples(ingest, {
			samples: [sample(tenant.slug, new Date().toISOString(), 'down')]
		});
		const next = await getClientHome(viewer, tenant.slug);
		expect(next).not.toBe(first);
		expect(next.components[0]).toMatchObject({ key: 'web-1', status: 'down' });
		expect(next.liveCursor).toBeGreaterThan(first.liveCursor);
		const [newest] = (await getDb().execute(
			sql`select max(id)::int as id from event where client_id = ${tenant.id}`
		)) as unknown as { id: number }[];
		expect(next.liveCursor).toBeGreaterThanOrEqual(newest.id);
	});

	it('stays the same over measurements that change no state', async () => {
		const { tenant, viewer } = await tenantWithServer();
		const at = Date.now() - 30_000;
		await ingestSamples(ingest, {
			samples: [sample(tenant.slug, new Date(at).toISOString(), 'up')]
		});
		const first = await getClientHome(viewer, tenant.slug);
		await ingestSamples(ingest, {
			samples: [sample(tenant.slug, new Date(at + 10_000).toISOString(), 'up')]
		});
		expect(await getClientHome(viewer, tenant.slug)).toBe(first);
	});

	it("is never another client's: a stranger gets the same 404 as for a missing client", async () => {
		const mine = await tenantWithServer();
		const theirs = await tenantWithServer();
		const home = await getClientHome(theirs.viewer, theirs.tenant.slug);
		expect(home.components).toHaveLength(1);
		expect(await statusOf(() => getClientHome(mine.viewer, theirs.tenant.slug))).toBe(404);
		expect(await statusOf(() => getClientHome(mine.viewer, 'no-such-client'))).toBe(404);
		expect(await getClientHome(mine.viewer, mine.tenant.slug)).not.toBe(home);
	});
});
