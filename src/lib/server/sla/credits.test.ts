import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import type { CreditRule } from '../contracts/settings';
import {
	computeCredit,
	creditAmountCents,
	gtrMonthPercent,
	gtrPenaltyPercent,
	type CreditBasis
} from './credits';
import { decimal, ratioAtLeastPercent } from './exact';
import { paris } from './testing';

const MINUTE = 60_000;
type Rule<M extends CreditRule['mode']> = Extract<CreditRule, { mode: M }>;
function ruleOf<M extends CreditRule['mode']>(preset: keyof typeof PRESETS, mode: M): Rule<M> {
	const rule = PRESETS[preset].sla.credit;
	if (rule.mode !== mode) throw new Error(`${preset} credits by ${rule.mode}`);
	return rule as Rule<M>;
}
/** T and D in minutes, no exclusion; met against `target`. */
function basis(
	coverageMinutes: number,
	downtimeMs: number,
	target: number,
	unbilledMs = 0
): CreditBasis {
	const den = BigInt(coverageMinutes * MINUTE);
	const num = den - BigInt(downtimeMs);
	return {
		num,
		den,
		met: ratioAtLeastPercent(num, den, decimal(target)),
		downtimeScaled: BigInt(downtimeMs),
		scale: 1n,
		unbilledMs,
		periodMs: coverageMinutes * MINUTE
	};
}

describe('001 §5.1 slices: 2.5 % per 60 min of unavailability once 99.9 % is missed', () => {
	const rule = ruleOf('alteo', 'slices');
	const T = 43_200; // a 30-day month; 99.9 % allows 43 min 12 s

	it('nothing while the target is met, even with downtime', () => {
		expect(computeCredit(rule, basis(T, 43.2 * MINUTE, 99.9), 200_000)).toMatchObject({
			percent: 0,
			amountCents: 0,
			slices: 0
		});
	});

	it('a started slice counts (the preset), 61 min → 2 slices = 5 %', () => {
		expect(computeCredit(rule, basis(T, 61 * MINUTE, 99.9), 200_000)).toEqual({
			mode: 'slices',
			percent: 5,
			amountCents: 10_000,
			slices: 2
		});
		expect(computeCredit(rule, basis(T, 43.2 * MINUTE + 1, 99.9), 200_000)).toMatchObject({
			slices: 1,
			percent: 2.5
		});
	});

	it('only complete slices when the setting says so: 61 min → 1 slice, 59 min → none', () => {
		const complete: Rule<'slices'> = { ...rule, countStartedSlices: false };
		expect(computeCredit(complete, basis(T, 61 * MINUTE, 99.9), 200_000)).toMatchObject({
			slices: 1,
			percent: 2.5
		});
		expect(computeCredit(complete, basis(T, 59 * MINUTE, 99.9), 200_000)).toMatchObject({
			slices: 0,
			amountCents: 0
		});
	});

	it('capped at 100 % of the monthly fee: 50 h of downtime → 125 % → 100 %', () => {
		expect(computeCredit(rule, basis(T, 50 * 60 * MINUTE, 99.9), 123_457)).toMatchObject({
			slices: 50,
			percent: 100,
			amountCents: 123_457
		});
	});

	it('amounts are rounded to the nearest cent: 2.5 % of 1,234.50 € = 30.8625 € → 3,086 cents', () => {
		expect(computeCredit(rule, basis(T, 60 * MINUTE, 99.9), 123_450).amountCents).toBe(3_086);
		expect(creditAmountCents(10, 25)).toBe(3); // 2.5 cents, half rounds up
	});
});

describe('004 art. 6 tiers: [99.5, 99.85) → 5 %, [97, 99.5) → 10 %, < 97 → 20 %, cap 20 %', () => {
	const rule = ruleOf('axantis', 'tiers');
	const T = 12_000; // November 2026 business-hours coverage
	const fee = 150_000;
	const cases: [downtimeMs: number, percent: number][] = [
		[18 * MINUTE, 0], // exactly 99.85 %: met
		[18 * MINUTE + 1, 5],
		[60 * MINUTE, 5], // exactly 99.5 %
		[60 * MINUTE + 1, 10],
		[360 * MINUTE, 10], // exactly 97 %
		[360 * MINUTE + 1, 20],
		[T * MINUTE, 20]
	];
	it.each(cases)('D = %d ms → %d %%', (downtimeMs, percent) => {
		const credit = computeCredit(rule, basis(T, downtimeMs, 99.85), fee);
		expect(credit.percent).toBe(percent);
		expect(credit.amountCents).toBe((fee * percent) / 100);
	});

	it('the cap bounds a tier above it', () => {
		const capped: Rule<'tiers'> = { ...rule, capPercent: 8 };
		expect(computeCredit(capped, basis(T, 400 * MINUTE, 99.85), fee)).toMatchObject({
			percent: 8,
			amountCents: 12_000
		});
	});
});

describe('000 §1.6 outage pro rata: an outage not restored within 4 h is not billed', () => {
	const rule = PRESETS.softconcept.sla.credit;

	it('fee × unbilled minutes ÷ minutes in the month (October 2026: 44,700)', () => {
		const credit = computeCredit(rule, { ...basis(44_700, 0, 95, 300 * MINUTE) }, 100_000);
		// 100,000 × 300 / 44,700 = 671.14 cents; 0.6711 % to basis points
		expect(credit).toEqual({
			mode: 'outage_pro_rata',
			percent: 0.67,
			amountCents: 671,
			unbilledMinutes: 300
		});
	});

	it('nothing without such an outage; none is none', () => {
		expect(computeCredit(rule, basis(44_700, 0, 95), 100_000)).toMatchObject({
			percent: 0,
			amountCents: 0
		});
		expect(computeCredit({ mode: 'none' }, basis(100, 100 * MINUTE, 99), 100_000)).toEqual({
			mode: 'none',
			percent: 0,
			amountCents: 0
		});
	});
});

describe('GTR, 001 §5.2–§5.3: 20 % (GTR + 1 h), 30 % (+2 h), 40 % (+3 h), 50 % beyond', () => {
	const gtr = PRESETS.alteo.sla.gtr;
	const reported = paris('2026-11-10 10:00');
	const cases: [restored: string, percent: number][] = [
		['2026-11-10 14:00', 0], // restored within the 4 h GTR
		['2026-11-10 14:01', 20],
		['2026-11-10 15:00', 20],
		['2026-11-10 15:01', 30],
		['2026-11-10 16:00', 30],
		['2026-11-10 17:00', 40],
		['2026-11-10 17:01', 50],
		['2026-11-11 10:00', 50]
	];
	it.each(cases)('reported 10:00, restored %s → %d %%', (restored, percent) => {
		expect(gtrPenaltyPercent(reported, paris(restored), gtr)).toBe(percent);
	});

	it('runs on the calendar clock, nights included, and is nothing without a GTR (004)', () => {
		expect(gtrPenaltyPercent(paris('2026-11-13 22:00'), paris('2026-11-14 05:00'), gtr)).toBe(40);
		expect(gtrPenaltyPercent(reported, paris('2026-11-12 10:00'), PRESETS.axantis.sla.gtr)).toBe(0);
	});

	it('a month total is capped at the monthly fee', () => {
		expect(gtrMonthPercent([50, 30], gtr)).toBe(80);
		expect(gtrMonthPercent([50, 50, 40], gtr)).toBe(100);
		expect(gtrMonthPercent([50], null)).toBe(0);
	});
});
