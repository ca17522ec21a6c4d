import type { RequestContext } from '../context';
import { currentMonth, getSlaReport, slaFirstMonth } from '../sla/service';
import { completeMonths } from './format';

export type SlaMonth = Awaited<ReturnType<typeof getSlaReport>>;

/** Columns of `sla_months.csv`: the calendar month's own figures and the judged period's verdict. */
export const SLA_MONTH_COLUMNS = [
	'month',
	'period_key',
	'status',
	'frozen',
	'target_percent',
	'availability',
	'met',
	'coverage_minutes',
	'downtime_minutes',
	'unknown_minutes',
	'excluded_minutes',
	'credit_percent',
	'credit_amount_cents'
] as const;

/** A month's row of `sla_months.csv` (the JSON line keeps the whole report). */
export function slaMonthRow(sla: SlaMonth): Record<(typeof SLA_MONTH_COLUMNS)[number], unknown> {
	const own = sla.monthly?.report ?? sla.report;
	return {
		month: sla.month,
		period_key: sla.periodKey,
		status: sla.status,
		frozen: sla.frozen,
		target_percent: sla.report.targetPercent,
		availability: own.availability,
		met: sla.monthly ? null : sla.report.met,
		coverage_minutes: own.coverageMinutes,
		downtime_minutes: own.downtimeMinutes,
		unknown_minutes: own.unknownMinutes,
		excluded_minutes: own.excludedMinutes.total,
		credit_percent: sla.monthly ? null : sla.report.credit.percent,
		credit_amount_cents: sla.monthly ? null : sla.report.credit.amountCents
	};
}

/** Hands each month's report to `each`, awaiting it, one month after the other. */
export type SlaMonthSource = (each: (sla: SlaMonth) => Promise<void>) => Promise<void>;

/**
 * The SLA report of every complete month of the client's history, one at a time, from the SLA
 * service the SLA page reads (a closed month is frozen by it on first reading, as when the page
 * shows it). A month's report can be large (its outages): it lives in a call of its own, so
 * nothing holds it once `each` has written it, while the next month is computed (a loop
 * variable, or a generator's, kept the last one reachable meanwhile).
 */
export function slaMonths(
	ctx: RequestContext,
	slug: string,
	timeZone: string,
	now: Date
): SlaMonthSource {
	const month = async (key: string, each: (sla: SlaMonth) => Promise<void>) => {
		const sla = await getSlaReport(ctx, slug, key, {}, now);
		if (!sla.noData && !sla.beforeCommissioning) await each(sla);
	};
	return async (each) => {
		const first = await slaFirstMonth(ctx, slug, now);
		for (const key of completeMonths(first, currentMonth(timeZone, now))) await month(key, each);
	};
}
