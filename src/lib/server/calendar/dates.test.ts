import { describe, expect, it } from 'vitest';
import { dateIn, lastDays, wallClockToIso } from './dates';

describe('calendar days in the client timezone', () => {
	it('knows that 23:30 UTC is already tomorrow in Paris', () => {
		expect(dateIn('Europe/Paris', new Date('2026-10-05T23:30:00Z'))).toBe('2026-10-06');
		expect(dateIn('UTC', new Date('2026-10-05T23:30:00Z'))).toBe('2026-10-05');
	});

	it('lists the last days oldest first, across a month end', () => {
		expect(lastDays('2026-11-01', 3)).toEqual(['2026-10-30', '2026-10-31', '2026-11-01']);
		expect(lastDays('2026-11-01', 90)).toHaveLength(90);
	});
});

describe('wallClockToIso', () => {
	it('reads a datetime-local value on the Paris clock, summer and winter', () => {
		expect(wallClockToIso('2026-07-01T10:30')).toBe('2026-07-01T08:30:00.000Z');
		expect(wallClockToIso('2026-01-15T10:30:15')).toBe('2026-01-15T09:30:15.000Z');
	});

	it('passes anything else through for validation to refuse', () => {
		expect(wallClockToIso('yesterday')).toBe('yesterday');
		expect(wallClockToIso('2026-02-30T10:00')).toBe('2026-02-30T10:00');
	});
});
