import { and, asc, count, eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/db';
import {
	client,
	component,
	metricRollup,
	probe,
	sample,
	statusDay,
	statusInterval
} from '../../src/lib/server/db/schema';
import { HISTORY_DAYS } from '../../src/lib/server/demo/history';
import { seededRng } from '../../src/lib/server/demo/random-walk';
import {
	DEMO_CLIENT_SLUGS,
	DEMO_PROBED,
	pointDemoProbeAt,
	seedDemo
} from '../../src/lib/server/demo/seed';
import { createDemoSimulator } from '../../src/lib/server/demo/simulator';

const SEEDED_AT = new Date();

async function demoComponents() {
	return getDb()
		.select({
			id: component.id,
			key: component.key,
			kind: component.kind,
			clientSlug: client.slug,
			interval: component.expectedIntervalSeconds
		})
		.from(component)
		.innerJoin(client, eq(client.id, component.clientId))
		.where(inArray(client.slug, DEMO_CLIENT_SLUGS));
}

async function timeline(componentId: string) {
	return getDb()
		.select()
		.from(statusInterval)
		.where(eq(statusInterval.componentId, componentId))
		.orderBy(asc(statusInterval.fromAt));
}

function expectContiguous(periods: Awaited<ReturnType<typeof timeline>>) {
	for (let i = 1; i < periods.length; i++) expect(periods[i].fromAt).toEqual(periods[i - 1].toAt);
	expect(periods.filter((p) => p.toAt === null)).toHaveLength(1);
	expect(periods.at(-1)!.toAt).toBeNull();
}

describe('demo data comes alive', () => {
	it('seeds 90 days of past timeline, day rows and rollups for every demo component', async () => {
		const started = performance.now();
		expect(await seedDemo(SEEDED_AT)).toBe(true);
		console.log(`[demo] seedDemo took ${Math.round(performance.now() - started)} ms`);

		const components = await demoComponents();
		expect(components).toHaveLength(17);
		expect(components.every((c) => c.interval === 10)).toBe(true);
		const infra = components.filter((c) => c.clientSlug === DEMO_PROBED.client);
		expect(infra.map((c) => c.key).sort()).toEqual(['backup-storage', 'network', 'portal']);

		for (const c of components) {
			const [{ days }] = await getDb()
				.select({ days: count() })
				.from(statusDay)
				.where(eq(statusDay.componentId, c.id));
			expect(days, c.key).toBe(HISTORY_DAYS);
			const periods = await timeline(c.id);
			expectContiguous(periods);
			expect(periods.some((p) => p.status === 'down')).toBe(true);
			expect(periods.at(-1)!.fromAt.getTime()).toBeLessThan(SEEDED_AT.getTime());
		}

		const server = components.find((c) => c.key === 'web-1')!;
		const perResolution = await getDb()
			.select({ resolution: metricRollup.resolution, n: count() })
			.from(metricRollup)
			.where(eq(metricRollup.componentId, server.id))
			.groupBy(metricRollup.resolution);
		const n = Object.fromEntries(perResolution.map((r) => [r.resolution, r.n]));
		expect(n.hour).toBeGreaterThan(89 * 24 - 30);
		expect(n.day).toBeGreaterThanOrEqual(HISTORY_DAYS);
		expect(n.minute).toBeGreaterThan(1400);

		const [consistent] = (await getDb().execute(sql`
			select (select sum(samples) from metric_rollup where component_id = ${server.id} and resolution = 'day') as days,
				(select sum(samples) from metric_rollup where component_id = ${server.id} and resolution = 'hour') as hours,
				(select avg(cpu_sum / cpu_count) from metric_rollup where component_id = ${server.id} and resolution = 'hour' and cpu_count > 0) as cpu,
				(select count(*) from metric_rollup where component_id = ${server.id} and resolution = 'hour' and cpu_count = 0) as silent_hours`)) as unknown as {
			days: string;
			hours: string;
			cpu: number;
		}[];
		expect(consistent.days).toBe(consistent.hours);
		expect(consistent.cpu).toBeGreaterThan(5);
		expect(consistent.cpu).toBeLessThan(80);
	}, 120_000);

	it('points the demo probe at the app’s own /healthz', async () => {
		expect(await pointDemoProbeAt('http://127.0.0.1:4321')).toBe(true);
		const [row] = await getDb()
			.select({ target: probe.target, interval: probe.intervalSeconds, kind: probe.kind })
			.from(probe)
			.innerJoin(component, eq(component.id, probe.componentId))
			.where(eq(component.key, DEMO_PROBED.component));
		expect(row).toEqual({ target: 'http://127.0.0.1:4321/healthz', interval: 10, kind: 'http' });
	});

	it('stores one sample per demo component a tick, the probed one excepted, continuing the timeline', async () => {
		const components = await demoComponents();
		const simulator = createDemoSimulator(seededRng(1));
		const first = new Date(SEEDED_AT.getTime() + 10_000);
		const second = new Date(first.getTime() + 10_000);
		expect(await simulator.tick(first)).toEqual({ accepted: components.length - 1, duplicates: 0 });
		expect(await simulator.tick(second)).toEqual({
			accepted: components.length - 1,
			duplicates: 0
		});

		const stored = await getDb()
			.select({
				componentId: sample.componentId,
				status: sample.status,
				cpu: sample.cpuPct,
				latency: sample.latencyMs
			})
			.from(sample)
			.where(
				and(
					inArray(
						sample.componentId,
						components.map((c) => c.id)
					),
					eq(sample.at, first)
				)
			);
		const byId = new Map(stored.map((s) => [s.componentId, s]));
		for (const c of components) {
			const s = byId.get(c.id);
			if (c.key === DEMO_PROBED.component) {
				expect(s).toBeUndefined();
				continue;
			}
			expect(s, c.key).toBeDefined();
			if (s!.status !== 'down') expect(s!.latency).toBeGreaterThan(0);
			if (c.kind === 'server' && s!.status !== 'down') expect(s!.cpu).toBeGreaterThan(0);
			expectContiguous(await timeline(c.id));
		}
	});
});
