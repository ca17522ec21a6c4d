import type { MetricPoint } from './events';

/**
 * A live point replaces the chart's point of the same minute (the bucket's average moved)
 * or is appended after it; points that left the range fall off the front.
 */
export function mergeLivePoint(
	points: MetricPoint[],
	point: MetricPoint,
	oldestMs: number
): MetricPoint[] {
	const { at, latencyMs, cpuPct, ramPct, diskPct, netInBps, netOutBps, load1, iowaitPct } = point;
	const clean: MetricPoint = {
		at,
		latencyMs,
		cpuPct,
		ramPct,
		diskPct,
		netInBps,
		netOutBps,
		load1,
		iowaitPct
	};
	const last = points.at(-1);
	const atMs = Date.parse(at);
	let next: MetricPoint[];
	if (last && last.at === at) next = [...points.slice(0, -1), clean];
	else if (!last || Date.parse(last.at) < atMs) next = [...points, clean];
	else return points;
	const firstKept = next.findIndex((p) => Date.parse(p.at) >= oldestMs);
	return firstKept <= 0 ? next : next.slice(firstKept);
}
