import { describe, expect, it } from 'vitest';
import type { MetricPoint } from './events';
import { mergeLivePoint } from './metric-points';

const point = (minute: number, cpuPct: number): MetricPoint => ({
	at: new Date(Date.UTC(2026, 9, 5, 8, minute)).toISOString(),
	cpuPct,
	latencyMs: null,
	ramPct: null,
	diskPct: null,
	netInBps: null,
	netOutBps: null,
	load1: null,
	iowaitPct: null
});

describe('mergeLivePoint', () => {
	it('appends a newer minute and drops what left the range', () => {
		const merged = mergeLivePoint(
			[point(0, 1), point(1, 2)],
			point(2, 3),
			Date.UTC(2026, 9, 5, 8, 1)
		);
		expect(merged.map((p) => p.cpuPct)).toEqual([2, 3]);
	});

	it("replaces the same minute's point with its new average", () => {
		expect(mergeLivePoint([point(0, 1), point(1, 2)], point(1, 5), 0).map((p) => p.cpuPct)).toEqual(
			[1, 5]
		);
	});

	it('ignores a point older than the newest shown, and strips the component key', () => {
		const points = [point(0, 1), point(3, 2)];
		expect(mergeLivePoint(points, point(1, 9), 0)).toBe(points);
		expect(
			Object.keys(mergeLivePoint([], { ...point(1, 1), key: 'web-1' } as MetricPoint, 0)[0])
		).not.toContain('key');
	});
});
