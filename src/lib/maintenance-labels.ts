import { m } from '$lib/paraglide/messages';
import { dateTimeFormat, intlLocale } from './intl';
import { labelFrom } from './labels';
import { ignoredReasonLabel } from './sla-labels';

export const maintenanceStateLabel = labelFrom({
	draft: m.mcal_state_draft,
	published: m.mcal_state_published,
	in_progress: m.mcal_state_in_progress,
	completed: m.mcal_state_completed,
	cancelled: m.mcal_state_cancelled
});

export const maintenanceKindLabel = labelFrom({
	planned: m.mcal_kind_planned,
	network: m.mcal_kind_network
});

export const approvalStateLabel = labelFrom({
	not_needed: m.mcal_approval_not_needed,
	pending: m.mcal_approval_pending,
	approved: m.mcal_approval_approved,
	refused: m.mcal_approval_refused
});

/** Discouraged slots (001 §4.1.3): warnings, never a cause of non-compliance. */
export const slotWarningLabel = labelFrom({
	late_weekday: m.mcal_warning_late_weekday,
	friday_afternoon: m.mcal_warning_friday_afternoon,
	weekend: m.mcal_warning_weekend,
	holiday: m.mcal_warning_holiday,
	holiday_eve: m.mcal_warning_holiday_eve,
	during_business_hours: m.mcal_warning_during_business_hours,
	outside_business_hours: m.mcal_warning_outside_business_hours
});

/** Why a window does not meet its contract: the SLA report's own words. */
export const nonComplianceLabel = ignoredReasonLabel;

/** What a window does to availability (000 §1.4, 001 §5.5: only a compliant one is excluded). */
export const slaEffectLabel = labelFrom({
	excluded: m.mcal_sla_excluded,
	counted: m.mcal_sla_counted,
	excluded_once_approved: m.mcal_sla_excluded_once_approved
});

/** A date and time on the wall clock of `timeZone` (the client's, not the provider's). */
export function formatInZone(
	value: Date | string | null | undefined,
	locale: string,
	timeZone: string
): string {
	if (!value) return '—';
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(value));
}

/** A window's span in `timeZone`: the end's date is left out when it is the start's. */
export function formatWindow(start: string, end: string, locale: string, timeZone: string) {
	const day = (v: string) =>
		dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
			new Date(v)
		);
	const endText =
		day(start) === day(end)
			? dateTimeFormat(intlLocale(locale), { timeStyle: 'short', timeZone }).format(new Date(end))
			: formatInZone(end, locale, timeZone);
	return m.maintenance_window({ start: formatInZone(start, locale, timeZone), end: endText });
}

/** A day of the month grid for a screen reader: "lundi 5 octobre 2026". */
export function formatGridDate(date: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), { dateStyle: 'full', timeZone: 'UTC' }).format(
		new Date(`${date}T00:00:00Z`)
	);
}

export function formatMonth(month: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), {
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${month}-01T00:00:00Z`));
}
