import { describe, expect, it } from 'vitest';
import type { UptimeDay } from './monitoring';
import {
	averageAvailability,
	barTone,
	decodeBars,
	encodeBars,
	hasBarData,
	notableDays
} from './uptime-bars';

const day = (d: string, availability: number | null, down = 0, degraded = 0, maintenance = false) =>
	({
		day: d,
		availability,
		downMinutes: down,
		degradedMinutes: degraded,
		maintenance
	}) as UptimeDay;

describe('the compact form of the 90-day bars', () => {
	const days = [
		day('2026-09-29', null),
		day('2026-09-30', 100),
		day('2026-10-01', 99.305, 10),
		day('2026-10-02', 100, 0, 30),
		day('2026-10-03', 100, 0, 0, true),
		day('2026-10-04', null, 0, 0, true),
		day('2026-10-05', 97.917, 30, 30)
	];

	it('writes a perfect day as nothing and the others in a few characters', () => {
		expect(encodeBars(days)).toBe('-,,99.305/10,100/0/30,*,-*,97.917/30/30');
		expect(encodeBars(Array.from({ length: 90 }, (_, i) => day(`d${i}`, 100)))).toBe(
			','.repeat(89)
		);
	});

	it('reads back every figure, the dates from the last day', () => {
		expect(decodeBars(encodeBars(days), '2026-10-05')).toEqual(days);
	});

	it('rebuilds the dates across a month end', () => {
		const back = decodeBars(',,', '2026-03-01');
		expect(back.map((d) => d.day)).toEqual(['2026-02-27', '2026-02-28', '2026-03-01']);
		expect(back.every((d) => d.availability === 100)).toBe(true);
	});

	it('dates every day right over leap years and centuries', () => {
		const dates = decodeBars(','.repeat(999), '2100-03-01').map((d) => d.day);
		const expected = Array.from({ length: 1000 }, (_, i) =>
			new Date(Date.UTC(2100, 2, 1) - (999 - i) * 86_400_000).toISOString().slice(0, 10)
		);
		expect(dates).toEqual(expected);
		expect(decodeBars(',', '2024-03-01').map((d) => d.day)).toEqual(['2024-02-29', '2024-03-01']);
	});

	it('knows a component never measured', () => {
		expect(hasBarData('-,-,-*')).toBe(false);
		expect(hasBarData('-,,-')).toBe(true);
	});
});

describe('what the bars say in words', () => {
	it('averages the days with data only', () => {
		expect(averageAvailability([day('a', null), day('b', 100), day('c', 99)])).toBe(99.5);
		expect(averageAvailability([day('a', null)])).toBeNull();
	});

	it('lists the days with downtime or maintenance, worst first', () => {
		const notable = notableDays([
			day('2026-10-01', 100),
			day('2026-10-02', 99.5, 7),
			day('2026-10-03', 100, 0, 0, true),
			day('2026-10-04', 90, 144),
			day('2026-10-05', null)
		]);
		expect(notable.map((d) => d.day)).toEqual(['2026-10-04', '2026-10-02', '2026-10-03']);
	});

	it('colours a bar by its availability', () => {
		expect([null, 99.95, 99.5, 96, 80].map((a) => barTone(day('d', a)))).toEqual([
			'none',
			'full',
			'high',
			'mid',
			'low'
		]);
	});
});
