import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { ingestSamples } from '../../src/lib/server/status/ingest';
import { createMaintenance } from '../../src/lib/server/maintenance/service';
import { upcomingMaintenance } from '../../src/lib/server/maintenance/view';
import {
	getClientStatus,
	getMetricSeries,
	getPublicStatus
} from '../../src/lib/server/status/read';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const ingest: RequestContext = {
	actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'ingest' },
	ip: null
};
const NOW = new Date('2026-10-05T10:00:00Z');
const at = (minute: number) => new Date(NOW.getTime() - (60 - minute) * 60_000).toISOString();

async function monitoredTenant() {
	const staff = await createStaff();
	const tenant = await createTenant(staff);
	await createComponent(staff, tenant.slug, {
		key: 'web-1',
		name: 'Web 1',
		kind: 'server',
		public: true
	});
	await createComponent(staff, tenant.slug, { key: 'app', name: 'App', kind: 'application' });
	const samples = Array.from({ length: 60 }, (_, minute) => ({
		client: tenant.slug,
		component: 'web-1',
		at: at(minute),
		status: minute >= 50 && minute < 55 ? 'down' : 'up',
		cpuPct: minute,
		latencyMs: 20
	}));
	samples.push({
		client: tenant.slug,
		component: 'app',
		at: at(59),
		status: 'degraded',
		cpuPct: 1,
		latencyMs: 900
	});
	await ingestSamples(ingest, { samples }, NOW);
	return { staff, tenant, viewer: await createMember(tenant.id, tenant.slug, 'viewer') };
}

describe('status read side', () => {
	it('gives the worst state, each component since when, and 90 daily bars', async () => {
		const { tenant, viewer } = await monitoredTenant();
		const status = await getClientStatus(viewer, tenant.slug, NOW);
		expect(status.overall).toBe('degraded');
		const web = status.components.find((c) => c.key === 'web-1')!;
		expect(web).toMatchObject({ status: 'up', since: at(55) });
		expect(web.days).toHaveLength(90);
		expect(web.days.at(-1)).toMatchObject({ day: '2026-10-05', downMinutes: 5 });
		expect(web.days.at(-1)!.availability).toBeCloseTo((55 / 60) * 100, 1);
		expect(web.days[0].availability).toBeNull();
	});

	it('serves metric averages from rollups, within 3,000 points', async () => {
		const { tenant, viewer } = await monitoredTenant();
		const series = await getMetricSeries(
			viewer,
			tenant.slug,
			'web-1',
			{ from: at(0), to: NOW.toISOString() },
			NOW
		);
		expect(series.resolution).toBe('minute');
		expect(series.points).toHaveLength(60);
		expect(series.points[10]).toMatchObject({
			at: at(10),
			cpuPct: 10,
			latencyMs: 20,
			ramPct: null
		});
		const hourly = await getMetricSeries(
			viewer,
			tenant.slug,
			'web-1',
			{ from: at(0), to: NOW.toISOString(), step: 'hour' },
			NOW
		);
		expect(hourly.points).toHaveLength(1);
		expect(hourly.points[0].cpuPct).toBeCloseTo(29.5);
		expect(
			await statusOf(() =>
				getMetricSeries(
					viewer,
					tenant.slug,
					'web-1',
					{ from: '2026-01-01T00:00:00Z', step: 'minute' },
					NOW
				)
			)
		).toBe(422);
		expect(
			await statusOf(() =>
				getMetricSeries(viewer, tenant.slug, 'web-1', { from: 'yesterday' }, NOW)
			)
		).toBe(422);
		expect(await statusOf(() => getMetricSeries(viewer, tenant.slug, 'nope', {}, NOW))).toBe(404);
	});

	it("answers 404 for another client's status and metrics, as for a missing one", async () => {
		const mine = await monitoredTenant();
		const theirs = await monitoredTenant();
		expect(await statusOf(() => getClientStatus(mine.viewer, theirs.tenant.slug, NOW))).toBe(404);
		expect(
			await statusOf(() => getMetricSeries(mine.viewer, theirs.tenant.slug, 'web-1', {}, NOW))
		).toBe(404);
		const ingestOnly = await statusOf(() => getClientStatus(ingest, mine.tenant.slug, NOW));
		expect(ingestOnly).toBe(403);
	});

	it('shows public components only, without their client, on the public page', async () => {
		const { tenant } = await monitoredTenant();
		const page = await getPublicStatus(NOW);
		const keys = page.components.map((c) => c.key);
		expect(keys).toContain('web-1');
		expect(keys).not.toContain('app');
		expect(JSON.stringify(page)).not.toContain(tenant.slug);
	});
});

describe('planned maintenance on the status page (000 §1.4, 001 §5.5)', () => {
	it('shows a component in maintenance during its window, marks the day, and lists what is coming', async () => {
		const { staff, tenant, viewer } = await monitoredTenant();
		const now = new Date();
		await createMaintenance(staff, tenant.slug, {
			components: ['web-1'],
			start: new Date(now.getTime() - 600_000).toISOString(),
			end: new Date(now.getTime() + 600_000).toISOString(),
			title: 'Remplacement disque'
		});
		await createMaintenance(staff, tenant.slug, {
			components: ['app'],
			start: new Date(now.getTime() + 86_400_000).toISOString(),
			end: new Date(now.getTime() + 90_000_000).toISOString(),
			title: 'Mise à jour applicative'
		});
		const status = await getClientStatus(viewer, tenant.slug, now);
		const web = status.components.find((c) => c.key === 'web-1')!;
		expect(web.maintenance).toBe(true);
		expect(web.days.at(-1)?.maintenance).toBe(true);
		expect(status.components.find((c) => c.key === 'app')!.maintenance).toBe(false);
		const coming = await upcomingMaintenance(viewer, tenant.slug, now);
		expect(coming.map((c) => [c.title, c.ongoing])).toEqual([
			['Remplacement disque', true],
			['Mise à jour applicative', false]
		]);
	});
});
