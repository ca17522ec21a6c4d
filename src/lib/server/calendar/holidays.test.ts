import { describe, expect, it } from 'vitest';
import { easterSunday, frenchPublicHolidays, publicHolidays } from './holidays';

describe('Easter Sunday, anonymous Gregorian algorithm (004 art. 6 coverage: holidays computed from Easter)', () => {
	it.each([
		[2024, '2024-03-31'],
		[2025, '2025-04-20'],
		[2026, '2026-04-05'],
		[2027, '2027-03-28'],
		[2038, '2038-04-25'],
		[2285, '2285-03-22'],
		[1818, '1818-03-22'],
		[2000, '2000-04-23']
	])('%i → %s', (year, date) => {
		expect(easterSunday(year)).toBe(date);
	});
});

describe('French public holidays (004 art. 6 coverage; 002 art. 4.3 support closed on public holidays)', () => {
	it('2026: fixed days plus Easter Monday 6 April, Ascension 14 May, Whit Monday 25 May', () => {
		expect(frenchPublicHolidays(2026)).toEqual([
			'2026-01-01',
			'2026-04-06',
			'2026-05-01',
			'2026-05-08',
			'2026-05-14',
			'2026-05-25',
			'2026-07-14',
			'2026-08-15',
			'2026-11-01',
			'2026-11-11',
			'2026-12-25'
		]);
	});

	it('2027: Easter Monday 29 March, Ascension 6 May, Whit Monday 17 May', () => {
		const days = frenchPublicHolidays(2027);
		expect(days).toHaveLength(11);
		expect(days).toEqual(expect.arrayContaining(['2027-03-29', '2027-05-06', '2027-05-17']));
	});

	it('Alsace-Moselle adds Good Friday and 26 December', () => {
		const days = frenchPublicHolidays(2026, { alsaceMoselle: true });
		expect(days).toHaveLength(13);
		expect(days).toEqual(expect.arrayContaining(['2026-04-03', '2026-12-26']));
		expect(frenchPublicHolidays(2027, { alsaceMoselle: true })).toContain('2027-03-26');
	});

	it('maps the contract holiday calendars', () => {
		expect(publicHolidays('fr', 2026)).toEqual(frenchPublicHolidays(2026));
		expect(publicHolidays('fr-alsace-moselle', 2026)).toContain('2026-12-26');
		expect(publicHolidays('none', 2026)).toEqual([]);
	});
});
