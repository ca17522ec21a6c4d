import { m } from '$lib/paraglide/messages';
import { coverageText, exclusionReasonLabel, ignoredReasonLabel, sourceLabel, treatmentLabel } from '$lib/sla-labels';
import { csvLine } from '../util/csv';
import type { getSlaReport } from './service';
import type { SlaSourceDetail } from './sources';

type Figures = Awaited<ReturnType<typeof getSlaReport>>;

const num = (n: number) => String(n);

/**
 * The month's report as CSV: the figures, then the exclusions with their reasons,
 * what is not excluded and why, and the per-component table. Numbers stay machine-readable
 * (dot decimals), instants ISO 8601; the labels follow the reader's language.
 */
export function slaCsv(figures: Figures, sources: Record<string, SlaSourceDetail>, locale: string): string {
	const r = figures.report;
	const lines = [
		csvLine([m.sla_csv_item(), m.sla_csv_value()]),
		csvLine([m.sla_month_label(), figures.month]),
		csvLine([m.sla_csv_timezone(), r.timeZone]),
		csvLine([m.sla_coverage_title(), coverageText(r.coverage, locale)]),
		csvLine([m.sla_target(), num(r.targetPercent)]),
		csvLine([m.sla_achieved(), num(r.availability)]),
		csvLine([m.sla_col_state(), r.met ? m.sla_met() : m.sla_missed()]),
		csvLine([m.sla_coverage_minutes(), num(r.coverageMinutes)]),
		csvLine([m.sla_downtime(), num(r.downtimeMinutes)]),
		csvLine([m.sla_excluded(), num(r.excludedMinutes.total)]),
		csvLine([m.sla_csv_excluded_removed(), num(r.excludedMinutes.removed)]),
		csvLine([m.sla_csv_excluded_counted(), num(r.excludedMinutes.countedAsAvailable)]),
		csvLine([m.sla_unknown(), num(r.unknownMinutes)]),
		csvLine([m.sla_csv_credit_percent(), num(r.credit.percent)]),
		csvLine([m.sla_csv_credit_amount(), (r.credit.amountCents / 100).toFixed(2)]),
		...(r.gtr ? [csvLine([m.sla_csv_gtr_percent(), num(r.gtr.percent)]), csvLine([m.sla_csv_gtr_amount(), (r.gtr.amountCents / 100).toFixed(2)])] : []),
		csvLine([m.sla_csv_frozen(), figures.frozen ? m.sla_yes() : m.sla_no()]),
		'',
		csvLine([m.sla_exclusions_title()]),
		csvLine([m.sla_csv_start(), m.sla_csv_end(), m.sla_col_reason(), m.sla_col_treatment(), m.sla_col_components(), m.sla_col_covered(), m.sla_col_detail()]),
		...r.exclusions.map((e) =>
			csvLine([e.start, e.end, exclusionReasonLabel(e.reason), treatmentLabel(e.treatment), e.componentKeys.join(' '), num(e.coveredMinutes), sources[e.sourceId]?.text])
		),
		'',
		csvLine([m.sla_ignored_title()]),
		csvLine([m.sla_col_source(), m.sla_csv_start(), m.sla_csv_end(), m.sla_col_components(), m.sla_col_detail(), m.sla_col_reason()]),
		...r.ignored.map((i) => {
			const s = sources[i.sourceId];
			return csvLine([sourceLabel(i.source), s?.start, s?.end, s?.componentKeys.join(' '), s?.text, ignoredReasonLabel(i.reason)]);
		}),
		'',
		csvLine([m.sla_components_title()]),
		csvLine([m.sla_col_component(), m.sla_col_in_scope(), m.sla_col_availability(), m.sla_col_downtime(), m.sla_col_excluded(), m.sla_col_unknown()]),
		...r.components.map((c) =>
			csvLine([c.key, c.inScope ? m.sla_yes() : m.sla_no(), num(c.availability), num(c.downtimeMinutes), num(c.excludedMinutes), num(c.unknownMinutes)])
		)
	];
	return lines.join('\r\n') + '\r\n';
}
