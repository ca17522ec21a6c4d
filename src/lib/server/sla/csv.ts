import { m } from '$lib/paraglide/messages';
import {
	coverageText,
	exclusionReasonLabel,
	periodStatusLabel as statusLabel,
	ignoredReasonLabel,
	sourceLabel,
	treatmentLabel
} from '$lib/sla-labels';
import { csvLine } from '../util/csv';
import { dateIn } from '../calendar/dates';
import type { getSlaReport } from './service';
import type { SlaSourceDetail } from './sources';

type Figures = Awaited<ReturnType<typeof getSlaReport>>;

const num = (n: number) => String(n);

/**
 * The month's report as CSV: the figures, then the exclusions with their reasons,
 * what is not excluded and why, and the per-component table. Numbers stay machine-readable
 * (dot decimals), instants ISO 8601; the labels follow the reader's language.
 */
/** Local first and last days of [start, end) in `timeZone`, YYYY-MM-DD. */
export function periodDays(
	period: { start: string; end: string },
	timeZone: string
): { from: string; to: string } {
	return {
		from: dateIn(timeZone, new Date(period.start)),
		to: dateIn(timeZone, new Date(new Date(period.end).getTime() - 1))
	};
}

/** Which period a figure belongs to, with its dates: "Mois 2026-11 (2026-11-01 – 2026-11-30)". */
export function periodLabel(
	kind: 'month' | 'contract_year',
	month: string,
	period: { start: string; end: string },
	timeZone: string
): string {
	const days = periodDays(period, timeZone);
	return kind === 'month'
		? m.sla_csv_period_month({ month, ...days })
		: m.sla_csv_period_year(days);
}

type Report = Figures['report'];

function figureLines(r: Report, label: string, status: string, judged: boolean): string[] {
	const row = (item: string, value: string) => csvLine([item, value, label]);
	return [
		row(m.sla_csv_period_start(), r.period.start),
		row(m.sla_csv_period_end(), r.period.end),
		row(m.sla_csv_evaluated_until(), r.period.evaluatedUntil),
		row(m.sla_csv_status(), status),
		row(m.sla_achieved(), num(r.availability)),
		...(judged ? [row(m.sla_col_state(), r.met ? m.sla_met() : m.sla_missed())] : []),
		row(m.sla_coverage_minutes(), num(r.coverageMinutes)),
		row(m.sla_downtime(), num(r.downtimeMinutes)),
		row(m.sla_excluded(), num(r.excludedMinutes.total)),
		row(m.sla_csv_excluded_removed(), num(r.excludedMinutes.removed)),
		row(m.sla_csv_excluded_counted(), num(r.excludedMinutes.countedAsAvailable)),
		row(m.sla_unknown(), num(r.unknownMinutes)),
		...(judged
			? [
					row(m.sla_csv_credit_percent(), num(r.credit.percent)),
					row(m.sla_csv_credit_amount(), (r.credit.amountCents / 100).toFixed(2))
				]
			: [])
	];
}

/**
 * The month's report as CSV: the figures, each row naming the period it belongs to (the month, and under a
 * contract year the contract year too, which alone is judged), then the exclusions with their reasons,
 * what is not excluded and why, and the per-component table of the judged period. Numbers stay
 * machine-readable (dot decimals, exact minutes), instants ISO 8601; the labels follow the reader's language.
 */
export function slaCsv(
	figures: Figures,
	sources: Record<string, SlaSourceDetail>,
	locale: string
): string {
	const r = figures.report;
	const tz = r.timeZone;
	const contractLabel = periodLabel(r.period.kind, figures.month, r.period, tz);
	const monthly = figures.monthly;
	const lines = [
		csvLine([m.sla_csv_item(), m.sla_csv_value(), m.sla_col_period()]),
		csvLine([m.sla_month_label(), figures.month]),
		csvLine([m.sla_csv_timezone(), r.timeZone]),
		csvLine([m.sla_coverage_title(), coverageText(r.coverage, locale)]),
		csvLine([m.sla_target(), num(r.targetPercent)]),
		...(figures.beforeCommissioning
			? [csvLine([m.sla_csv_status(), m.sla_before_commissioning_short()])]
			: []),
		...(monthly
			? figureLines(
					monthly.report,
					periodLabel('month', figures.month, monthly.period, tz),
					monthly.noData ? m.sla_no_data() : statusLabel(monthly.status),
					false
				)
			: []),
		...figureLines(
			r,
			contractLabel,
			figures.noData ? m.sla_no_data() : statusLabel(figures.status),
			true
		),
		...(r.gtr
			? [
					csvLine([m.sla_csv_gtr_percent(), num(r.gtr.percent), contractLabel]),
					csvLine([m.sla_csv_gtr_amount(), (r.gtr.amountCents / 100).toFixed(2), contractLabel])
				]
			: []),
		csvLine([m.sla_csv_frozen(), figures.frozen ? m.sla_yes() : m.sla_no(), contractLabel]),
		'',
		csvLine([m.sla_exclusions_title()]),
		csvLine([
			m.sla_csv_start(),
			m.sla_csv_end(),
			m.sla_col_reason(),
			m.sla_col_treatment(),
			m.sla_col_components(),
			m.sla_col_covered(),
			m.sla_col_detail()
		]),
		...r.exclusions.map((e) =>
			csvLine([
				e.start,
				e.end,
				exclusionReasonLabel(e.reason),
				treatmentLabel(e.treatment),
				e.componentKeys.join(' '),
				num(e.coveredMinutes),
				sources[e.sourceId]?.text
			])
		),
		'',
		csvLine([m.sla_ignored_title()]),
		csvLine([
			m.sla_col_source(),
			m.sla_csv_start(),
			m.sla_csv_end(),
			m.sla_col_components(),
			m.sla_col_detail(),
			m.sla_col_reason()
		]),
		...r.ignored.map((i) => {
			const s = sources[i.sourceId];
			return csvLine([
				sourceLabel(i.source),
				s?.start,
				s?.end,
				s?.componentKeys.join(' '),
				s?.text,
				ignoredReasonLabel(i.reason)
			]);
		}),
		'',
		csvLine([m.sla_components_title()]),
		csvLine([
			m.sla_col_component(),
			m.sla_col_in_scope(),
			m.sla_col_availability(),
			m.sla_col_downtime(),
			m.sla_col_excluded(),
			m.sla_col_unknown()
		]),
		...r.components.map((c) =>
			csvLine([
				c.key,
				c.inScope ? m.sla_yes() : m.sla_no(),
				num(c.availability),
				num(c.downtimeMinutes),
				num(c.excludedMinutes),
				num(c.unknownMinutes)
			])
		)
	];
	return lines.join('\r\n') + '\r\n';
}
