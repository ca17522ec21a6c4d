/**
 * Service credits (000 §1.6, 001 §5.1, 004 art. 6) and the restoration-time guarantee penalty
 * (001 §5.2). Percentages are of the monthly fee; amounts are integer cents rounded to the
 * nearest cent.
 */
import type { ContractSettings, CreditRule } from '../contracts/settings';
import {
	ceilDiv,
	decimal,
	decimalToNumber,
	floorDiv,
	minDecimal,
	percentOfCents,
	ratioAtLeastPercent,
	roundDiv,
	timesInteger,
	type Decimal
} from './exact';
import type { SlaCredit } from './types';

export type GtrRule = NonNullable<ContractSettings['sla']['gtr']>;

/** What a credit depends on, exactly. */
export interface CreditBasis {
	/** The availability ratio A / 100 = num / den (den > 0). */
	num: bigint;
	den: bigint;
	met: boolean;
	/** D in milliseconds = downtimeScaled / scale (degraded time weighted). */
	downtimeScaled: bigint;
	scale: bigint;
	/** Downtime of the provider-caused outages longer than the pro-rata threshold. */
	unbilledMs: number;
	/** Length of the period on the wall clock. */
	periodMs: number;
}

const ZERO: Decimal = { digits: 0n, scale: 0n };

function credit(
	mode: SlaCredit['mode'],
	percent: Decimal,
	feeCents: number,
	extra: Partial<SlaCredit> = {}
): SlaCredit {
	return {
		mode,
		percent: decimalToNumber(percent),
		amountCents: percentOfCents(feeCents, percent),
		...extra
	};
}

/** 001 §5.1: once the target is missed, percentPerSlice per (started or complete) slice of D. */
function slices(
	rule: Extract<CreditRule, { mode: 'slices' }>,
	basis: CreditBasis,
	feeCents: number
): SlaCredit {
	if (basis.met) return credit('slices', ZERO, feeCents, { slices: 0 });
	const sliceScaled = BigInt(rule.sliceMinutes * 60_000) * basis.scale;
	const count = rule.countStartedSlices
		? ceilDiv(basis.downtimeScaled, sliceScaled)
		: floorDiv(basis.downtimeScaled, sliceScaled);
	const percent = minDecimal(
		timesInteger(decimal(rule.percentPerSlice), count),
		decimal(rule.capPercent)
	);
	return credit('slices', percent, feeCents, { slices: Number(count) });
}

/** 004 art. 6: the lowest tier whose threshold A lies strictly below earns its percent. */
function tiers(
	rule: Extract<CreditRule, { mode: 'tiers' }>,
	basis: CreditBasis,
	feeCents: number
): SlaCredit {
	let tier: (typeof rule.tiers)[number] | undefined;
	for (const candidate of rule.tiers) {
		if (!ratioAtLeastPercent(basis.num, basis.den, decimal(candidate.belowPercent)))
			tier = candidate;
	}
	if (!tier) return credit('tiers', ZERO, feeCents);
	const percent = minDecimal(decimal(tier.percent), decimal(rule.capPercent));
	return credit('tiers', percent, feeCents, { tierBelowPercent: tier.belowPercent });
}

/**
 * 000 §1.6: an outage not restored within the threshold is not billed for its duration:
 * fee × unbilled ÷ period length. The percent is given to basis points (2 decimals).
 */
function outageProRata(basis: CreditBasis, feeCents: number): SlaCredit {
	const unbilled = BigInt(Math.round(basis.unbilledMs));
	const period = BigInt(basis.periodMs);
	if (period <= 0n || unbilled <= 0n)
		return credit('outage_pro_rata', ZERO, feeCents, { unbilledMinutes: 0 });
	return {
		mode: 'outage_pro_rata',
		percent: Number(roundDiv(unbilled * 10_000n, period)) / 100,
		amountCents: Number(roundDiv(BigInt(feeCents) * unbilled, period)),
		unbilledMinutes: Math.round(basis.unbilledMs / 600) / 100
	};
}

export function computeCredit(rule: CreditRule, basis: CreditBasis, feeCents: number): SlaCredit {
	switch (rule.mode) {
		case 'slices':
			return slices(rule, basis, feeCents);
		case 'tiers':
			return tiers(rule, basis, feeCents);
		case 'outage_pro_rata':
			return outageProRata(basis, feeCents);
		case 'none':
			return credit('none', ZERO, feeCents);
	}
}

/**
 * 001 §5.2–§5.3: restoration later than the GTR, counted on the calendar clock from the client's
 * notification to the restoration, owes penaltiesPercent[min(⌈delay / step⌉, length) − 1]
 * (20 % up to GTR + 1 h, 30 % up to + 2 h, 40 % up to + 3 h, 50 % beyond in the alteo preset).
 */
export function gtrPenaltyPercent(reportedAt: Date, restoredAt: Date, gtr: GtrRule | null): number {
	if (!gtr) return 0;
	const lateMs = restoredAt.getTime() - reportedAt.getTime() - gtr.restoreWithinMinutes * 60_000;
	if (!(lateMs > 0)) return 0;
	const steps = Math.ceil(lateMs / (gtr.stepMinutes * 60_000));
	return gtr.penaltiesPercent[Math.min(steps, gtr.penaltiesPercent.length) - 1];
}

/** 001 §5.2 "le cumul des pénalités … est plafonné à la redevance mensuelle": a month's GTR penalties. */
export function gtrMonthPercent(penalties: readonly number[], gtr: GtrRule | null): number {
	if (!gtr) return 0;
	const total = penalties.reduce((sum, p) => sum + p, 0);
	return Math.min(total, gtr.capPercent);
}

/** Cents owed for `percent` of the monthly fee, rounded to the nearest cent. */
export function creditAmountCents(feeCents: number, percent: number): number {
	return percentOfCents(feeCents, decimal(percent));
}
