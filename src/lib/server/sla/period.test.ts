import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import type { Coverage } from '../contracts/settings';
import {
	beforeCommissioning,
	contractYearPeriod,
	coverageSpans,
	inputAsOf,
	monthPeriod,
	periodFor,
	periodStatus,
	reportPeriods
} from './period';
import { PARIS, paris } from './testing';

const minutes = (p: { start: Date; end: Date }) => (p.end.getTime() - p.start.getTime()) / 60_000;
const coverageMinutes = (coverage: Coverage, month: string) => {
	const p = monthPeriod(month, PARIS);
	const spans = coverageSpans(coverage, PARIS, p.start.getTime(), p.end.getTime());
	let total = 0;
	for (let i = 0; i < spans.length; i += 2) total += spans[i + 1] - spans[i];
	return total / 60_000;
};

describe('000 §2, 004 art. 6 monthly period: a calendar month in the client timezone', () => {
	it('October 2026 in Europe/Paris has 44,700 minutes (clocks go back on 25 October)', () => {
		expect(minutes(monthPeriod('2026-10', PARIS))).toBe(44_700);
	});

	it('March 2026 in Europe/Paris has 44,580 minutes (clocks go forward on 29 March)', () => {
		expect(minutes(monthPeriod('2026-03', PARIS))).toBe(44_580);
	});

	it('starts at local midnight', () => {
		expect(monthPeriod('2026-11', PARIS).start).toEqual(paris('2026-11-01 00:00'));
		expect(monthPeriod('2026-11', 'America/New_York').start.toISOString()).toBe(
			'2026-11-01T04:00:00.000Z'
		);
	});
});

describe('001 §5.1 contract year from the commissioning date ("Le temps est l\'année")', () => {
	const commissioned = paris('2025-03-15 10:00');

	it('holds the asked month and starts on the anniversary, local time', () => {
		const year = contractYearPeriod(commissioned, paris('2026-11-01 00:00'), PARIS);
		expect(year).toEqual({
			kind: 'contract_year',
			start: paris('2026-03-15 10:00'),
			end: paris('2027-03-15 10:00')
		});
	});

	it('before the first anniversary is the first year; the anniversary itself opens the next', () => {
		expect(contractYearPeriod(commissioned, paris('2025-04-01 00:00'), PARIS).start).toEqual(
			commissioned
		);
		expect(contractYearPeriod(commissioned, paris('2026-03-15 10:00'), PARIS).start).toEqual(
			paris('2026-03-15 10:00')
		);
		expect(contractYearPeriod(commissioned, paris('2026-03-15 09:59'), PARIS).start).toEqual(
			commissioned
		);
	});

	it('periodFor follows the setting and falls back to the month without a commissioning date', () => {
		expect(periodFor('month', '2026-11', PARIS, commissioned)).toEqual(
			monthPeriod('2026-11', PARIS)
		);
		expect(periodFor('contract_year', '2026-11', PARIS, null)).toEqual(
			monthPeriod('2026-11', PARIS)
		);
		expect(periodFor('contract_year', '2026-11', PARIS, commissioned).kind).toBe('contract_year');
	});
});

describe('coverage (004 art. 6: Mon–Fri 08:00–18:00, French public holidays excluded)', () => {
	const axantis = PRESETS.axantis.sla.coverage as Extract<Coverage, { mode: 'schedule' }>;

	it('November 2026: 21 weekdays less Armistice (11 Nov, a Wednesday) = 20 × 600 = 12,000 minutes', () => {
		expect(coverageMinutes(axantis, '2026-11')).toBe(12_000);
	});

	it('May 2026: 21 weekdays less 1 May, 8 May, Ascension (14) and Whit Monday (25) = 10,200 minutes', () => {
		expect(coverageMinutes(axantis, '2026-05')).toBe(10_200);
	});

	it('24/7 coverage of October 2026 is the whole DST month', () => {
		expect(coverageMinutes(PRESETS.softconcept.sla.coverage, '2026-10')).toBe(44_700);
	});

	it('an extra closed day leaves the coverage', () => {
		expect(coverageMinutes({ ...axantis, closedDays: ['2026-11-10'] }, '2026-11')).toBe(11_400);
	});
});

describe('the periods a monthly report shows (001 §5.1 contract year)', () => {
	const commissioned = new Date('2025-03-01T00:00:00+01:00');

	it('a contract-year report shows the calendar month beside the contract year it belongs to', () => {
		const { contract, month } = reportPeriods('contract_year', '2026-06', PARIS, commissioned);
		expect(contract).toEqual({
			kind: 'contract_year',
			start: new Date('2026-03-01T00:00:00+01:00'),
			end: new Date('2027-03-01T00:00:00+01:00')
		});
		expect(month).toEqual({
			kind: 'month',
			start: new Date('2026-06-01T00:00:00+02:00'),
			end: new Date('2026-07-01T00:00:00+02:00')
		});
	});

	it('a monthly contract has one period', () => {
		expect(reportPeriods('month', '2026-06', PARIS, commissioned)).toEqual({
			contract: monthPeriod('2026-06', PARIS),
			month: null
		});
	});

	it('a past month is closed, never running, even inside a running contract year', () => {
		const now = new Date('2026-12-01T10:00:00+01:00');
		const { contract, month } = reportPeriods('contract_year', '2026-06', PARIS, commissioned);
		expect(periodStatus(month!, now, false)).toBe('closed');
		expect(periodStatus(contract, now, false)).toBe('running');
		expect(periodStatus(monthPeriod('2026-12', PARIS), now, false)).toBe('running');
		expect(periodStatus(contract, now, true)).toBe('frozen');
	});

	it('knows a month that ends before the commissioning', () => {
		expect(beforeCommissioning(monthPeriod('2025-02', PARIS), commissioned)).toBe(true);
		expect(beforeCommissioning(monthPeriod('2025-03', PARIS), commissioned)).toBe(false);
		expect(beforeCommissioning(monthPeriod('2025-02', PARIS), null)).toBe(false);
	});

	it('reads the same inputs as of an earlier instant, never a later one', () => {
		const input = { asOf: new Date('2026-12-01T10:00:00Z'), n: 1 };
		expect(inputAsOf(input, new Date('2026-07-01T00:00:00Z')).asOf).toEqual(
			new Date('2026-07-01T00:00:00Z')
		);
		expect(inputAsOf(input, new Date('2027-01-01T00:00:00Z')).asOf).toEqual(input.asOf);
	});
});
