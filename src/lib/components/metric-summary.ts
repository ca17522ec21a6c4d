import type { MetricPoint } from '$lib/live/events';

type Reading = (point: MetricPoint) => number | null;

export interface SeriesSummary {
	last: number;
	min: number;
	max: number;
}

/** What a series' line shows, in words: its latest, lowest and highest values; null without any value. */
export function summariseSeries(points: MetricPoint[], value: Reading): SeriesSummary | null {
	let summary: SeriesSummary | null = null;
	for (const point of points) {
		const v = value(point);
		if (v === null) continue;
		summary = summary
			? { last: v, min: Math.min(summary.min, v), max: Math.max(summary.max, v) }
			: { last: v, min: v, max: v };
	}
	return summary;
}

/** A server reporting only its status has points whose metrics are all null: nothing to draw. */
export const hasAnyValue = (points: MetricPoint[], values: Reading[]): boolean =>
	points.some((p) => values.some((value) => value(p) !== null));
