import { describe, expect, it } from 'vitest';
import { isMonth, monthGrid, shiftMonth, windowDates, windowsByDate } from './month-grid';

const PARIS = 'Europe/Paris';

describe('monthGrid', () => {
	it('October 2026 (DST ends on the 25th in Paris): 5 Monday-first weeks, 31 days in month', () => {
		const weeks = monthGrid('2026-10', '2026-10-25');
		expect(weeks).toHaveLength(5);
		expect(weeks[0][0].date).toBe('2026-09-28');
		expect(weeks.at(-1)!.at(-1)!.date).toBe('2026-11-01');
		const days = weeks.flat();
		expect(days.filter((d) => d.inMonth)).toHaveLength(31);
		expect(days.filter((d) => d.today).map((d) => d.date)).toEqual(['2026-10-25']);
		expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
	});

	it('March 2026 (DST starts on the 29th) and a February starting on a Monday', () => {
		const march = monthGrid('2026-03', '2026-01-01');
		expect(march[0][0].date).toBe('2026-02-23');
		expect(march.flat().filter((d) => d.inMonth)).toHaveLength(31);
		expect(march.flat().some((d) => d.today)).toBe(false);
		const feb = monthGrid('2027-02', '2027-02-01');
		expect(feb).toHaveLength(4);
		expect(feb[0][0]).toEqual({ date: '2027-02-01', inMonth: true, today: true });
	});

	it('refuses a malformed month', () => {
		expect(() => monthGrid('2026-13', '2026-01-01')).toThrow(RangeError);
		expect(isMonth('2026-1')).toBe(false);
		expect(isMonth('2026-01')).toBe(true);
	});
});

describe('shiftMonth', () => {
	it.each([
		['2026-12', 1, '2027-01'],
		['2026-01', -1, '2025-12'],
		['2026-05', 0, '2026-05'],
		['2026-05', -17, '2024-12']
	])('%s %+d → %s', (month, delta, expected) => {
		expect(shiftMonth(month, delta)).toBe(expected);
	});
});

describe('windowDates: the days a window is on, on the client wall clock', () => {
	it.each([
		// 22:00–23:00 Paris on the night DST ends (UTC+2 → UTC+1 at 03:00).
		['2026-10-24T20:00:00Z', '2026-10-24T21:00:00Z', PARIS, ['2026-10-24']],
		// 23:30 Paris summer time to 01:30 winter time: across midnight and the fall-back hour.
		['2026-10-24T21:30:00Z', '2026-10-25T00:30:00Z', PARIS, ['2026-10-24', '2026-10-25']],
		// Ends at Paris midnight exactly: not on the next day.
		['2026-03-28T21:00:00Z', '2026-03-28T23:00:00Z', PARIS, ['2026-03-28']],
		// The same instants read in New York are the afternoon before.
		['2026-03-28T21:00:00Z', '2026-03-28T23:00:00Z', 'America/New_York', ['2026-03-28']],
		// 01:00 UTC is still the previous evening in New York.
		['2026-03-29T01:00:00Z', '2026-03-29T02:00:00Z', 'America/New_York', ['2026-03-28']],
		// Over a month end.
		['2026-03-31T20:00:00Z', '2026-04-01T08:00:00Z', PARIS, ['2026-03-31', '2026-04-01']],
		['2026-03-31T20:00:00Z', '2026-03-31T20:00:00Z', PARIS, []]
	])('%s → %s in %s', (start, end, zone, dates) => {
		expect(windowDates({ start: new Date(start), end: new Date(end) }, zone)).toEqual(dates);
	});

	it('groups windows by date in their order', () => {
		const byDate = windowsByDate(
			[
				{ id: 'a', start: new Date('2026-10-24T21:30:00Z'), end: new Date('2026-10-25T00:30:00Z') },
				{ id: 'b', start: new Date('2026-10-25T08:00:00Z'), end: new Date('2026-10-25T09:00:00Z') }
			],
			PARIS
		);
		expect(Object.fromEntries(byDate)).toEqual({ '2026-10-24': ['a'], '2026-10-25': ['a', 'b'] });
	});
});
