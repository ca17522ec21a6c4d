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

function anniversary(commissioned: { day: number; msOfDay: number }, years: number, timeZone: string): number {
	const date = new Date(commissioned.day * DAY_MS);
	// Date.UTC rolls 29 February over to 1 March in common years.
	const day = Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()) / DAY_MS;
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
export function coverageSpans(coverage: Coverage, timeZone: string, fromMs: number, toMs: number): number[] {
	if (!(fromMs < toMs)) return [];
	const spans: number[] = [];
	for (const { start, end } of openIntervals(coverageCalendar(coverage, timeZone), new Date(fromMs), new Date(toMs))) {
		spans.push(start.getTime(), end.getTime());
	}
	return spans;
}
