import { describe, expect, it } from 'vitest';
import { dateOfDay, dayOfDate, localTime, monthRange, weekdayIndex, zonedInstant } from './zoned';

const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso).getTime();

describe('wall clock in a time zone (periods in the client timezone, DST matters)', () => {
	it('reads the local day and time of an instant', () => {
		const t = localTime(at('2026-10-25T01:30:00Z'), PARIS);
		expect(dateOfDay(t.day)).toBe('2026-10-25');
		expect(t.msOfDay).toBe(2.5 * HOUR);
	});

	it('maps a wall time to its instant, summer and winter', () => {
		const day = dayOfDate('2026-06-08');
		expect(zonedInstant(day, 9 * HOUR, PARIS)).toBe(at('2026-06-08T09:00:00+02:00'));
		expect(zonedInstant(dayOfDate('2026-12-08'), 9 * HOUR, PARIS)).toBe(
			at('2026-12-08T09:00:00+01:00')
		);
		expect(zonedInstant(day, 24 * HOUR, PARIS)).toBe(at('2026-06-09T00:00:00+02:00'));
	});

	it('moves a time skipped by spring-forward later by the gap (29 March 2026, 02:30 → 03:30)', () => {
		expect(zonedInstant(dayOfDate('2026-03-29'), 2.5 * HOUR, PARIS)).toBe(
			at('2026-03-29T03:30:00+02:00')
		);
		expect(zonedInstant(dayOfDate('2026-03-29'), 3 * HOUR, PARIS)).toBe(
			at('2026-03-29T03:00:00+02:00')
		);
	});

	it('takes the first occurrence of a time repeated by fall-back (25 October 2026, 02:30)', () => {
		expect(zonedInstant(dayOfDate('2026-10-25'), 2.5 * HOUR, PARIS)).toBe(
			at('2026-10-25T02:30:00+02:00')
		);
		expect(zonedInstant(dayOfDate('2026-10-25'), 3 * HOUR, PARIS)).toBe(
			at('2026-10-25T03:00:00+01:00')
		);
	});

	it('works in a southern-hemisphere zone too', () => {
		const day = dayOfDate('2026-04-05'); // Sydney falls back at 03:00 local on 5 April 2026
		expect(zonedInstant(day, 12 * HOUR, 'Australia/Sydney')).toBe(at('2026-04-05T12:00:00+10:00'));
		expect(zonedInstant(dayOfDate('2026-01-05'), 12 * HOUR, 'Australia/Sydney')).toBe(
			at('2026-01-05T12:00:00+11:00')
		);
	});

	it('numbers weekdays from Monday', () => {
		expect(weekdayIndex(dayOfDate('2026-06-08'))).toBe(0);
		expect(weekdayIndex(dayOfDate('2026-06-14'))).toBe(6);
		expect(weekdayIndex(dayOfDate('1969-12-31'))).toBe(2);
	});

	it('gives a month its local bounds: October 2026 lasts 31 days and 1 hour', () => {
		const { start, end } = monthRange('2026-10', PARIS);
		expect(start.toISOString()).toBe('2026-09-30T22:00:00.000Z');
		expect(end.toISOString()).toBe('2026-10-31T23:00:00.000Z');
		expect(() => monthRange('2026-13', PARIS)).toThrow(RangeError);
	});
});
