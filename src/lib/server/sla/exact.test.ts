import { describe, expect, it } from 'vitest';
import {
	decimal,
	floorPercent3,
	minutes2,
	percentOfCents,
	ratioAtLeastPercent,
	roundDiv
} from './exact';

describe('exact decisions (met/missed on the exact value, cents rounded to the nearest)', () => {
	it('reads a setting as the decimal it was written as', () => {
		expect(decimal(99.85)).toEqual({ digits: 9985n, scale: 2n });
		expect(decimal(20)).toEqual({ digits: 20n, scale: 0n });
		expect(decimal(1e-7)).toEqual({ digits: 1n, scale: 7n });
		expect(decimal(1e21)).toEqual({ digits: 10n ** 21n, scale: 0n });
		expect(() => decimal(-1)).toThrow(RangeError);
	});

	it('compares a ratio with a percentage without floating point: 99.85 % of 12,000 min is exactly 11,982 min', () => {
		expect(ratioAtLeastPercent(11_982n, 12_000n, decimal(99.85))).toBe(true);
		expect(ratioAtLeastPercent(11_981_999_999n, 12_000_000_000n, decimal(99.85))).toBe(false);
	});

	it('floors A to 3 decimals', () => {
		expect(floorPercent3(43_080n, 43_140n)).toBe(99.86);
		expect(floorPercent3(2n, 3n)).toBe(66.666);
		expect(floorPercent3(1n, 1n)).toBe(100);
	});

	it('rounds cents half up and minutes to 2 decimals', () => {
		expect(roundDiv(5n, 2n)).toBe(3n);
		expect(roundDiv(7n, 3n)).toBe(2n);
		expect(percentOfCents(123_450, decimal(2.5))).toBe(3_086);
		expect(minutes2(90_000)).toBe(1.5);
		expect(minutes2(1_000)).toBe(0.02);
	});
});
