import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '$lib/live/events';
import { hasAnyValue, summariseSeries } from './metric-summary';

const point = (
	at: string,
	cpuPct: number | null,
	latencyMs: number | null = null
): MetricPoint => ({
	at,
	cpuPct,
	latencyMs,
	ramPct: null,
	diskPct: null,
	netInBps: null,
	netOutBps: null,
	load1: null,
	iowaitPct: null
});
const cpu = (p: MetricPoint) => p.cpuPct;
const latency = (p: MetricPoint) => p.latencyMs;

describe('metric summaries', () => {
	it('gives the latest, lowest and highest value, skipping gaps', () => {
		const points = [
			point('2026-06-10T10:00:00Z', 40),
			point('2026-06-10T10:01:00Z', 12),
			point('2026-06-10T10:02:00Z', 75),
			point('2026-06-10T10:03:00Z', 50),
			point('2026-06-10T10:04:00Z', null)
		];
		expect(summariseSeries(points, cpu)).toEqual({ last: 50, min: 12, max: 75 });
		expect(summariseSeries(points, latency)).toBeNull();
	});

	it('finds nothing to draw on a server that reported only its status', () => {
		const statusOnly = [point('2026-06-10T10:00:00Z', null), point('2026-06-10T10:01:00Z', null)];
		expect(hasAnyValue([], [cpu])).toBe(false);
		expect(hasAnyValue(statusOnly, [cpu, latency])).toBe(false);
		expect(
			hasAnyValue([...statusOnly, point('2026-06-10T10:02:00Z', null, 8)], [cpu, latency])
		).toBe(true);
	});
});
