import { describe, expect, it } from 'vitest';
import { instantOf, monthBefore } from './story-time';

const ZONE = 'Europe/Paris';
// Wednesday 2 December 2026, 01:05 in Paris.
const NOW = new Date('2026-12-02T00:05:00Z');

describe('the demo story’s clock', () => {
	it('counts months back across a year', () => {
		expect(monthBefore('2026-12', 2)).toBe('2026-10');
		expect(monthBefore('2027-01', 2)).toBe('2026-11');
	});

	it('counts working days of a past month, French holidays excepted', () => {
		// November 2026: the 1st is a Sunday, the 11th (Armistice) a Wednesday.
		expect(instantOf({ monthsAgo: 1, workday: 1, time: '10:00' }, NOW, ZONE)).toEqual(
			new Date('2026-11-02T09:00:00Z')
		);
		expect(instantOf({ monthsAgo: 1, workday: 8, time: '08:50' }, NOW, ZONE)).toEqual(
			new Date('2026-11-12T07:50:00Z')
		);
		// October is still on summer time until the 25th.
		expect(instantOf({ monthsAgo: 2, workday: 1, time: '10:20' }, NOW, ZONE)).toEqual(
			new Date('2026-10-01T08:20:00Z')
		);
	});

	it('steps back or ahead to a working day', () => {
		const sunday = new Date('2026-12-06T10:00:00Z');
		expect(instantOf({ daysAgo: 0, time: '09:30' }, sunday, ZONE)).toEqual(
			new Date('2026-12-04T08:30:00Z')
		);
		expect(instantOf({ daysAhead: 0, time: '20:00' }, sunday, ZONE)).toEqual(
			new Date('2026-12-07T19:00:00Z')
		);
		expect(instantOf({ minutesAgo: 50 }, NOW, ZONE)).toEqual(new Date('2026-12-01T23:15:00Z'));
	});
});
