/**
 * Exact arithmetic for the decisions that must not depend on floating point: met/missed,
 * credit tiers, slices and cent amounts (001 §5.1: 43 min 12 s in a 30-day month meets 99.9 %,
 * one second more misses it).
 * Settings such as 99.85 are read as the decimal they were written as.
 */

/** digits / 10^scale */
export interface Decimal {
	digits: bigint;
	scale: bigint;
}

const TEN = 10n;

/** The decimal a finite, non-negative number was written as (its shortest round-trip form). */
export function decimal(x: number): Decimal {
	if (!Number.isFinite(x) || x < 0) throw new RangeError(`expected a finite number ≥ 0, got ${x}`);
	const [mantissa, exponentPart] = x.toString().split('e');
	const [whole, fraction = ''] = mantissa.split('.');
	const exponent = BigInt(exponentPart ?? 0);
	let digits = BigInt(whole + fraction);
	let scale = BigInt(fraction.length) - exponent;
	if (scale < 0n) {
		digits *= TEN ** -scale;
		scale = 0n;
	}
	return { digits, scale };
}

export const pow10 = (n: bigint): bigint => TEN ** n;

/** The ratio num/den as a percentage, compared with the decimal `percent`: 100·num/den ≥ percent. */
export function ratioAtLeastPercent(num: bigint, den: bigint, percent: Decimal): boolean {
	return num * 100n * pow10(percent.scale) >= percent.digits * den;
}

/** 100·num/den floored to 3 decimals (the figure shown: flooring never displays a missed target as met); den > 0. */
export function floorPercent3(num: bigint, den: bigint): number {
	return Number(floorDiv(num * 100_000n, den)) / 1000;
}

export function floorDiv(a: bigint, b: bigint): bigint {
	const q = a / b;
	return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

export function ceilDiv(a: bigint, b: bigint): bigint {
	return -floorDiv(-a, b);
}

/** a/b rounded to the nearest integer, halves away from zero (a ≥ 0, b > 0). */
export function roundDiv(a: bigint, b: bigint): bigint {
	return floorDiv(2n * a + b, 2n * b);
}

/** Cents owed for `percent` of `feeCents`, rounded to the nearest cent. */
export function percentOfCents(feeCents: number, percent: Decimal): number {
	return Number(roundDiv(BigInt(feeCents) * percent.digits, 100n * pow10(percent.scale)));
}

export function decimalToNumber(d: Decimal): number {
	return Number(d.digits) / Number(pow10(d.scale));
}

export function minDecimal(a: Decimal, b: Decimal): Decimal {
	const scale = a.scale > b.scale ? a.scale : b.scale;
	const ad = a.digits * pow10(scale - a.scale);
	const bd = b.digits * pow10(scale - b.scale);
	return ad <= bd ? a : b;
}

export function timesInteger(d: Decimal, n: bigint): Decimal {
	return { digits: d.digits * n, scale: d.scale };
}

/** Milliseconds as minutes rounded to 2 decimals (the minutes the report shows). */
export const minutes2 = (ms: number): number => Math.round(ms / 600) / 100;
