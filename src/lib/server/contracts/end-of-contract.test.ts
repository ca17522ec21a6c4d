import { describe, expect, it } from 'vitest';
import { daysUntil, endOfContractDates, isDestructionDue, localDate } from './end-of-contract';
import { PRESETS } from './presets';

describe('dates after the end of a contract', () => {
	it('000 §1.9: hand-back within one month before the end, destroyed at the end date', () => {
		expect(endOfContractDates('2026-12-31', PRESETS.softconcept.endOfContract)).toEqual({
			endsOn: '2026-12-31',
			exportOpensOn: '2026-11-30',
			exportClosesOn: '2026-12-31',
			destroyOn: '2026-12-31'
		});
	});

	it('002 art. 7.3: destroyed one full month after the end (a short month is clamped)', () => {
		const dates = endOfContractDates('2026-01-31', PRESETS.defi.endOfContract);
		expect(dates.destroyOn).toBe('2026-02-28');
		expect(dates.exportClosesOn).toBe('2026-01-31');
		expect(dates.exportOpensOn).toBeNull();
	});

	it('003 art. 10: 10 working days, skipping weekends, 1 and 8 May and Ascension', () => {
		// Thu 30 Apr 2026; Fri 1 May and Fri 8 May are holidays, Ascension is Thu 14 May.
		const dates = endOfContractDates('2026-04-30', PRESETS.dobaas.endOfContract);
		expect(dates.destroyOn).toBe('2026-05-19');
		expect(dates.exportClosesOn).toBe('2026-05-19');
	});

	it('004 art. 10: 30 working days to copy out, across Christmas and New Year', () => {
		// Ends Fri 18 Dec 2026: 25 Dec and 1 Jan are holidays.
		const dates = endOfContractDates('2026-12-18', PRESETS.axantis.endOfContract);
		expect(dates.destroyOn).toBe('2027-02-02');
	});

	it('the export window never closes after the destruction', () => {
		const dates = endOfContractDates('2026-03-02', {
			clause: 'test',
			destroyAfter: { amount: 5, unit: 'days' },
			exportWindow: { opensBefore: null, closesAfter: { amount: 2, unit: 'months' } }
		});
		expect(dates).toMatchObject({ destroyOn: '2026-03-07', exportClosesOn: '2026-03-07' });
	});
});

describe('destruction due in the client’s timezone', () => {
	const paris = 'Europe/Paris';

	it('the client’s date, not the server’s: 23:30 UTC on 31 Dec is already 1 Jan in Paris', () => {
		const now = new Date('2026-12-31T23:30:00Z');
		expect(localDate(now, paris)).toBe('2027-01-01');
		expect(localDate(now, 'America/New_York')).toBe('2026-12-31');
	});

	it('is not due during the destruction day, only once it is over', () => {
		expect(isDestructionDue('2026-12-31', new Date('2026-12-31T22:59:00Z'), paris)).toBe(false);
		expect(isDestructionDue('2026-12-31', new Date('2026-12-31T23:00:00Z'), paris)).toBe(true);
		expect(isDestructionDue('2026-12-31', new Date('2026-12-31T23:00:00Z'), 'UTC')).toBe(false);
	});

	it('counts whole days left to a date where the client lives', () => {
		const now = new Date('2026-12-01T10:00:00Z');
		expect(daysUntil('2026-12-31', now, paris)).toBe(30);
		expect(daysUntil('2026-12-01', now, paris)).toBe(0);
		expect(daysUntil('2026-11-30', now, paris)).toBe(-1);
	});
});
