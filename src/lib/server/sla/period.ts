/**
 * SLA periods and coverage (000 §2 and 004 art. 6 monthly; 004 art. 6 coverage): a calendar
 * month in the client's time zone, or the contract year from the commissioning date (001 §5.1).
 */
import { coverageCalendar, openIntervals } from '../calendar/business-calendar';
import { DAY_MS, localTime, monthRange, zonedInstant } from '../calendar/zoned';
import type { Coverage, ContractSettings } from '../contracts/settings';
import type { SlaPeriod } from './types';

/** Calendar month YYYY-MM in `timeZone` (October 2026 in Europe/Paris is 44,700 minutes long). */
export function monthPeriod(month: string, timeZone: string): SlaPeriod {
	return { kind: 'month', ...monthRange(month, timeZone) };
}

function anniversary(
	commissioned: { day: number; msOfDay: number },
	years: number,
	timeZone: string
): number {
	const date = new Date(commissioned.day * DAY_MS);
	// Date.UTC rolls 29 February over to 1 March in common years.
	const day =
		Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
	return zonedInstant(day, commissioned.msOfDay, timeZone);
}

/**
 * The contract year holding `at` (001 §5.1 "Le temps est l'année et débute à la Date de Mise en
 * Service"): years start on the commissioning's local date and time. Before commissioning, the
 * first year.
 */
export function contractYearPeriod(commissionedAt: Date, at: Date, timeZone: string): SlaPeriod {
	const commissioned = localTime(commissionedAt.getTime(), timeZone);
	const atYear = new Date(localTime(at.getTime(), timeZone).day * DAY_MS).getUTCFullYear();
	let n = Math.max(0, atYear - new Date(commissioned.day * DAY_MS).getUTCFullYear() - 1);
	while (anniversary(commissioned, n + 1, timeZone) <= at.getTime()) n++;
	return {
		kind: 'contract_year',
		start: new Date(anniversary(commissioned, n, timeZone)),
		end: new Date(anniversary(commissioned, n + 1, timeZone))
	};
}

/**
 * The period a report for `month` covers under the contract's `period` setting. A contract year
 * needs a commissioning date: without one the contract is measured by calendar month.
 */
export function periodFor(
	setting: ContractSettings['sla']['period'],
	month: string,
	timeZone: string,
	commissionedAt: Date | null
): SlaPeriod {
	const byMonth = monthPeriod(month, timeZone);
	if (setting === 'month' || !commissionedAt) return byMonth;
	return contractYearPeriod(commissionedAt, byMonth.start, timeZone);
}

/** Coverage open stretches within [fromMs, toMs) as a flat sorted list [start, end, start, end, …]. */
export function coverageSpans(
	coverage: Coverage,
	timeZone: string,
	fromMs: number,
	toMs: number
): number[] {
	if (!(fromMs < toMs)) return [];
	const spans: number[] = [];
	for (const { start, end } of openIntervals(
		coverageCalendar(coverage, timeZone),
		new Date(fromMs),
		new Date(toMs)
	)) {
		spans.push(start.getTime(), end.getTime());
	}
	return spans;
}

/** Where a period stands: still measured, ended (late qualifications can still move it), or frozen. */
export type PeriodStatus = 'running' | 'closed' | 'frozen';

export function periodStatus(
	period: Pick<SlaPeriod, 'end'>,
	asOf: Date,
	frozen: boolean
): PeriodStatus {
	if (frozen) return 'frozen';
	return asOf.getTime() >= period.end.getTime() ? 'closed' : 'running';
}

/**
 * The periods a report for `month` shows: the period the contract judges, and the calendar month
 * itself when the contract measures a longer one (null for a monthly contract: one period).
 */
export function reportPeriods(
	setting: ContractSettings['sla']['period'],
	month: string,
	timeZone: string,
	commissionedAt: Date | null
): { contract: SlaPeriod; month: SlaPeriod | null } {
	const contract = periodFor(setting, month, timeZone, commissionedAt);
	return { contract, month: contract.kind === 'month' ? null : monthPeriod(month, timeZone) };
}

/** The month ends before the commissioning: nothing is owed or measured for it. */
export function beforeCommissioning(
	period: Pick<SlaPeriod, 'end'>,
	commissionedAt: Date | null
): boolean {
	return commissionedAt !== null && period.end.getTime() <= commissionedAt.getTime();
}

/**
 * The same engine inputs read as of `until` (capped at the inputs' own instant): the contract year
 * to the end of a month, for the running line of the history chart.
 */
export function inputAsOf<T extends { asOf: Date }>(input: T, until: Date): T {
	return { ...input, asOf: new Date(Math.min(input.asOf.getTime(), until.getTime())) };
}
