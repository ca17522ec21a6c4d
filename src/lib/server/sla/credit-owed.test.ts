import { describe, expect, it } from 'vitest';
import { creditOwed, type ReportFigures } from './credit-owed';

const period = (complete: boolean, met: boolean, credit = 0, gtr: number | null = null) => ({
	period: { complete },
	met,
	credit: { percent: credit ? 10 : 0, amountCents: credit },
	gtr: gtr === null ? null : { percent: gtr ? 20 : 0, amountCents: gtr }
});

const monthContract = (p: ReturnType<typeof period>): ReportFigures => ({
	month: '2026-10',
	periodKey: '2026-10',
	beforeCommissioning: false,
	report: p,
	monthly: null
});

/** alteo (001 §5.1): the contract judges the contract year; the month carries its own GTR. */
const contractYear = (
	year: ReturnType<typeof period>,
	month: ReturnType<typeof period>
): ReportFigures => ({
	month: '2026-10',
	periodKey: '2026-03..2027-02',
	beforeCommissioning: false,
	report: year,
	monthly: { report: month }
});

describe('creditOwed', () => {
	it('owes the availability credit of a complete, missed period (001 §5.1, 004 art. 6)', () => {
		expect(creditOwed(monthContract(period(true, false, 48_000)), 'availability')).toEqual({
			basis: 'availability',
			period: '2026-10',
			percent: 10,
			amountCents: 48_000
		});
	});

	it.each([
		['a running period', period(false, false, 48_000)],
		['a met period', period(true, true, 0)],
		['a missed period whose credit is nil', period(true, false, 0)]
	])('owes nothing for %s', (_, p) => {
		expect(creditOwed(monthContract(p), 'availability')).toBeNull();
	});

	it('owes an outage over 4 h in a month whose target is met (000 §1.6)', () => {
		const owed = creditOwed(monthContract(period(true, true, 3_000)), 'availability');
		expect(owed?.amountCents).toBe(3_000);
	});

	it('keys a contract-year credit by the contract year, not by the month', () => {
		const owed = creditOwed(
			contractYear(period(true, false, 12_000), period(true, false)),
			'availability'
		);
		expect(owed?.period).toBe('2026-03..2027-02');
	});

	it("owes a complete month's GTR penalties even while the contract year runs (001 §5.2)", () => {
		const owed = creditOwed(
			contractYear(period(false, false), period(true, true, 0, 30_000)),
			'gtr'
		);
		expect(owed).toEqual({ basis: 'gtr', period: '2026-10', percent: 20, amountCents: 30_000 });
	});

	it('owes no GTR penalty for a running month, a month without one, or a contract without a GTR', () => {
		expect(
			creditOwed(contractYear(period(false, false), period(false, true, 0, 30_000)), 'gtr')
		).toBeNull();
		expect(
			creditOwed(contractYear(period(false, false), period(true, true, 0, 0)), 'gtr')
		).toBeNull();
		expect(creditOwed(monthContract(period(true, false, 48_000)), 'gtr')).toBeNull();
	});

	it('owes nothing for a month before commissioning', () => {
		const figures = { ...monthContract(period(true, false, 48_000)), beforeCommissioning: true };
		expect(creditOwed(figures, 'availability')).toBeNull();
	});
});
