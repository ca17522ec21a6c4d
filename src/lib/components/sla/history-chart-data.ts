import { m } from '$lib/paraglide/messages';
import { shortMonthLabel } from '$lib/sla-labels';
import type { SlaHistoryPoint } from './types';

export const HISTORY_COLORS = {
	met: '#059669',
	missed: '#dc2626',
	month: '#2563eb',
	year: '#7c3aed',
	target: '#334155'
} as const;

/**
 * The chart's datasets, one per colour so that each legend entry is drawn with its bars' fill.
 * `missedFill` is the missed colour hatched (a canvas pattern): a missed month then reads apart
 * from a met one without colour, in the bars and in the legend alike.
 */
export function historyChartData(
	points: SlaHistoryPoint[],
	{
		locale,
		yearly,
		missedFill
	}: { locale: string; yearly: boolean; missedFill: string | CanvasPattern }
) {
	const target = {
		type: 'line' as const,
		label: m.sla_history_target(),
		data: points.map((p) => p.target),
		borderColor: HISTORY_COLORS.target,
		backgroundColor: HISTORY_COLORS.target,
		borderDash: [6, 4],
		borderWidth: 1.5,
		pointRadius: 0,
		order: 1
	};
	const bars = (
		label: string,
		fill: string | CanvasPattern,
		keep: (p: SlaHistoryPoint) => boolean
	) => ({
		type: 'bar' as const,
		label,
		data: points.map((p) => (keep(p) ? p.availability : null)),
		backgroundColor: fill,
		borderColor: fill,
		skipNull: true,
		order: 3
	});
	return {
		labels: points.map((p) => shortMonthLabel(p.month, locale)),
		datasets: yearly
			? [
					bars(m.sla_history_month(), HISTORY_COLORS.month, () => true),
					{
						type: 'line' as const,
						label: m.sla_history_year(),
						data: points.map((p) => p.contractAvailability),
						borderColor: HISTORY_COLORS.year,
						backgroundColor: HISTORY_COLORS.year,
						borderWidth: 2,
						pointRadius: 3,
						spanGaps: false,
						order: 2
					},
					target
				]
			: [
					bars(m.sla_history_met(), HISTORY_COLORS.met, (p) => p.met === true),
					bars(m.sla_history_missed(), missedFill, (p) => p.met === false),
					target
				]
	};
}

/** Availabilities sit near 100 %: the axis starts a little below the lowest value so differences show. */
export function historyAxisMin(points: SlaHistoryPoint[]): number {
	const lowest = Math.min(
		...points.map((p) =>
			Math.min(p.availability ?? p.target, p.contractAvailability ?? p.target, p.target)
		)
	);
	return Math.max(0, Math.floor(lowest - 0.5));
}
