import { describe, expect, it } from 'vitest';
import { HISTORY_COLORS, historyAxisMin, historyChartData } from './history-chart-data';
import type { SlaHistoryPoint } from './types';

const point = (
	month: string,
	availability: number | null,
	met: boolean | null
): SlaHistoryPoint => ({
	month,
	availability,
	target: 99.5,
	met,
	frozen: false,
	contractAvailability: null,
	beforeCommissioning: false
});
const points = [
	point('2026-04', 99.9, true),
	point('2026-05', 98.2, false),
	point('2026-06', null, null)
];
const HATCHED = 'hatched-red';

describe('SLA history chart data', () => {
	it('draws each month in the dataset whose legend entry has its fill', () => {
		const { datasets } = historyChartData(points, {
			locale: 'fr',
			yearly: false,
			missedFill: HATCHED
		});
		const [met, missed, target] = datasets;
		expect(met).toMatchObject({ type: 'bar', backgroundColor: HISTORY_COLORS.met });
		expect(met.data).toEqual([99.9, null, null]);
		expect(missed.data).toEqual([null, 98.2, null]);
		expect(target).toMatchObject({ type: 'line', borderColor: HISTORY_COLORS.target });
	});

	it('tells a missed month apart without colour: hatched, and named in the legend', () => {
		const { datasets } = historyChartData(points, {
			locale: 'fr',
			yearly: false,
			missedFill: HATCHED
		});
		expect(datasets[1]).toMatchObject({ backgroundColor: HATCHED, borderColor: HATCHED });
		expect(datasets.map((d) => d.label)).toEqual([
			'Mois : objectif atteint',
			'Mois : objectif manqué',
			'Objectif'
		]);
		expect(datasets[2]).toMatchObject({ borderDash: [6, 4] });
	});

	it('under a contract year, shows the months as one bar colour and the year as a line', () => {
		const yearly = points.map((p) => ({ ...p, met: null, contractAvailability: 99.1 }));
		const { datasets } = historyChartData(yearly, {
			locale: 'fr',
			yearly: true,
			missedFill: HATCHED
		});
		expect(datasets.map((d) => [d.type, d.backgroundColor])).toEqual([
			['bar', HISTORY_COLORS.month],
			['line', HISTORY_COLORS.year],
			['line', HISTORY_COLORS.target]
		]);
	});

	it('starts the axis just below the lowest figure', () => {
		expect(historyAxisMin(points)).toBe(97);
	});
});
