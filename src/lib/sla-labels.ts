import { m } from '$lib/paraglide/messages';
import { labelFrom } from './labels';
import { WEEKDAYS } from '$lib/domain/sla';
import { dateTimeFormat, intlLocale, numberFormat } from './intl';
import { holidaysText } from '$lib/components/contract/format';
import type { SlaReportJson } from '$lib/server/sla/service';

/** Why minutes are excluded (004 art. 6 excusable events; planned maintenance, 000 §2, 001 §5.5). */
export const exclusionReasonLabel = labelFrom({
	maintenance: m.sla_reason_maintenance,
	client: m.sla_reason_client,
	authorized_third_party: m.sla_reason_authorized_third_party,
	force_majeure: m.sla_reason_force_majeure,
	third_party_operator: m.sla_reason_third_party_operator,
	beyond_capacity: m.sla_reason_beyond_capacity,
	out_of_scope: m.sla_reason_out_of_scope
});

export const treatmentLabel = labelFrom({
	remove: m.sla_treatment_remove,
	count_as_available: m.sla_treatment_count_as_available
});

/** Why a maintenance or qualification excludes nothing. */
export const ignoredReasonLabel = labelFrom({
	invalid_window: m.sla_ignored_invalid_window,
	not_announced_before_start: m.sla_ignored_not_announced_before_start,
	notice_too_short: m.sla_ignored_notice_too_short,
	network_notice_too_short: m.sla_ignored_network_notice_too_short,
	approval_missing: m.sla_ignored_approval_missing,
	cause_not_excluded: m.sla_ignored_cause_not_excluded
});

export const sourceLabel = labelFrom({
	maintenance: m.sla_source_maintenance,
	qualification: m.sla_source_qualification
});

export const creditStatusLabel = labelFrom({
	requested: m.sla_credit_status_requested,
	approved: m.sla_credit_status_approved,
	refused: m.sla_credit_status_refused
});

export const creditBasisLabel = labelFrom({
	availability: m.sla_credit_basis_availability,
	gtr: m.sla_credit_basis_gtr
});

export { SLA_CAUSES as SLA_CAUSE_VALUES } from '$lib/domain/sla';

const WEEK = WEEKDAYS;
type Slots = readonly (readonly string[])[];

function weekdayNames(locale: string): string[] {
	const f = dateTimeFormat(intlLocale(locale), { weekday: 'short', timeZone: 'UTC' });
	// 2024-01-01 was a Monday.
	return WEEK.map((_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** A weekly schedule in few words: consecutive days with the same hours share one range ("lun.–ven. 08:00–18:00"). */
export function weeklySummary(
	weekly: Record<(typeof WEEK)[number], Slots>,
	locale: string
): string {
	const names = weekdayNames(locale);
	const hours = WEEK.map((d) => weekly[d].map(([a, b]) => `${a}–${b}`).join(', '));
	const groups: string[] = [];
	for (let i = 0; i < WEEK.length;) {
		let j = i;
		while (j + 1 < WEEK.length && hours[j + 1] === hours[i]) j++;
		if (hours[i]) groups.push(`${i === j ? names[i] : `${names[i]}–${names[j]}`} ${hours[i]}`);
		i = j + 1;
	}
	return groups.join(locale === 'en' ? '; ' : ' ; ');
}

/** The coverage that applies, in words: 24/7, or the weekly schedule without public holidays. */
export function coverageText(coverage: SlaReportJson['coverage'], locale: string): string {
	if (coverage.mode === '24x7') return m.sla_coverage_24x7();
	const days = weeklySummary(coverage.weekly, locale);
	return coverage.publicHolidays === 'none'
		? days
		: m.sla_coverage_schedule({ days, holidays: holidaysText(coverage.publicHolidays) });
}

/** Minutes as the page shows them: whole minutes (the API and the CSV keep the exact values). */
export function formatMinutes(value: number, locale: string): string {
	return numberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(Math.round(value));
}

/** A period's status: still measured, ended (late qualifications can still move it), or frozen. */
export const periodStatusLabel = labelFrom({
	running: m.sla_status_running,
	closed: m.sla_status_closed,
	frozen: m.sla_status_frozen
});

/** [start, end) as the days it spans on the client's wall clock: "1 juin 2026 – 30 juin 2026". */
export function formatPeriodDays(
	period: { start: string; end: string },
	timeZone: string,
	locale: string
): { from: string; to: string } {
	const f = dateTimeFormat(intlLocale(locale), { dateStyle: 'long', timeZone });
	return {
		from: f.format(new Date(period.start)),
		to: f.format(new Date(new Date(period.end).getTime() - 1))
	};
}

/** Availability as the report gives it: floored to 3 decimals, shown with all 3. */
export function formatAvailability(value: number, locale: string): string {
	return numberFormat(intlLocale(locale), {
		minimumFractionDigits: 3,
		maximumFractionDigits: 3
	}).format(value);
}

/** An instant on the client's wall clock. */
export function formatInZone(iso: string, timeZone: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'short',
		timeStyle: 'short',
		timeZone
	}).format(new Date(iso));
}

/** "octobre 2026" for '2026-10'. */
export function monthLabel(month: string, locale: string): string {
	const [y, mo] = month.split('-').map(Number);
	return dateTimeFormat(intlLocale(locale), {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, mo - 1, 1)));
}

export function shortMonthLabel(month: string, locale: string): string {
	const [y, mo] = month.split('-').map(Number);
	return dateTimeFormat(intlLocale(locale), {
		month: 'short',
		year: '2-digit',
		timeZone: 'UTC'
	}).format(new Date(Date.UTC(y, mo - 1, 1)));
}

/** 'YYYY-MM' moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
	const [y, mo] = month.split('-').map(Number);
	return new Date(Date.UTC(y, mo - 1 + delta, 1)).toISOString().slice(0, 7);
}
