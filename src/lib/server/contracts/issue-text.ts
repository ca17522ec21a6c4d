/**
 * A contract-settings issue in the reader's language: the setting named in words, its JSON path for
 * the one who typed it, and what is wrong (staff edit overrides as JSON; a zod message is no answer).
 */
import { m } from '$lib/paraglide/messages';
import type { SettingsIssue, SettingsProblem } from './settings';

const SETTING_WORDS: Record<string, () => string> = {
	preset: m.setting_preset,
	sla: m.setting_sla,
	targetPercent: m.setting_targetPercent,
	period: m.setting_period,
	coverage: m.setting_coverage,
	mode: m.setting_mode,
	weekly: m.setting_weekly,
	publicHolidays: m.setting_publicHolidays,
	closedDays: m.setting_closedDays,
	degradedWeight: m.setting_degradedWeight,
	excludedCauses: m.setting_excludedCauses,
	treatment: m.setting_treatment,
	maintenance: m.setting_maintenance,
	causes: m.setting_causes,
	credit: m.setting_credit,
	percentPerSlice: m.setting_percentPerSlice,
	sliceMinutes: m.setting_sliceMinutes,
	countStartedSlices: m.setting_countStartedSlices,
	capPercent: m.setting_capPercent,
	tiers: m.setting_tiers,
	belowPercent: m.setting_belowPercent,
	percent: m.setting_percent,
	minOutageMinutes: m.setting_minOutageMinutes,
	gtr: m.setting_gtr,
	severities: m.setting_severities,
	restoreWithinMinutes: m.setting_restoreWithinMinutes,
	stepMinutes: m.setting_stepMinutes,
	penaltiesPercent: m.setting_penaltiesPercent,
	closeAfterDays: m.setting_closeAfterDays,
	support: m.setting_support,
	hours: m.setting_hours,
	incidents: m.setting_incidents,
	critical: m.setting_critical,
	major: m.setting_major,
	minor: m.setting_minor,
	information_request: m.setting_information_request,
	acknowledge: m.setting_acknowledge,
	resolve: m.setting_resolve,
	clock: m.setting_clock,
	amount: m.setting_amount,
	unit: m.setting_unit,
	atRiskPercent: m.setting_atRiskPercent,
	reopenWithinDays: m.setting_reopenWithinDays,
	autoOpenAfterDownMinutes: m.setting_autoOpenAfterDownMinutes,
	standbyServerAfterHours: m.setting_standbyServerAfterHours,
	noticeBusinessHours: m.setting_noticeBusinessHours,
	longerThanMinutesNeedsApproval: m.setting_longerThanMinutesNeedsApproval,
	networkNoticeCalendarDays: m.setting_networkNoticeCalendarDays,
	preferredWindow: m.setting_preferredWindow,
	avoidAfter: m.setting_avoidAfter,
	avoidFridayAfternoon: m.setting_avoidFridayAfternoon,
	avoidWeekends: m.setting_avoidWeekends,
	avoidHolidaysAndEves: m.setting_avoidHolidaysAndEves,
	backups: m.setting_backups,
	schedules: m.setting_schedules,
	kind: m.setting_kind,
	frequency: m.setting_frequency,
	weekday: m.setting_weekday,
	monthday: m.setting_monthday,
	graceHours: m.setting_graceHours,
	offsiteSitesMin: m.setting_offsiteSitesMin,
	allowedCountries: m.setting_allowedCountries,
	maxChangePercent: m.setting_maxChangePercent,
	restores: m.setting_restores,
	incrementalWithinHours: m.setting_incrementalWithinHours,
	incrementalLastN: m.setting_incrementalLastN,
	fullWithinHours: m.setting_fullWithinHours,
	stopsServer: m.setting_stopsServer,
	billable: m.setting_billable,
	quoteRequired: m.setting_quoteRequired,
	providerTests: m.setting_providerTests,
	at: m.setting_at,
	scope: m.setting_scope,
	retentionDays: m.setting_retentionDays,
	versionsRestorable: m.setting_versionsRestorable,
	receptionReportWithinHours: m.setting_receptionReportWithinHours,
	endOfContract: m.setting_endOfContract,
	clause: m.setting_clause,
	destroyAfter: m.setting_destroyAfter,
	exportWindow: m.setting_exportWindow,
	opensBefore: m.setting_opensBefore,
	closesAfter: m.setting_closesAfter,
	mon: m.setting_mon,
	tue: m.setting_tue,
	wed: m.setting_wed,
	thu: m.setting_thu,
	fri: m.setting_fri,
	sat: m.setting_sat,
	sun: m.setting_sun
};

const RULES: Record<string, () => string> = {
	tiers_sorted: m.settings_rule_tiers_sorted,
	tier_credit_order: m.settings_rule_tier_credit_order,
	penalties_order: m.settings_rule_penalties_order,
	causes_unique: m.settings_rule_causes_unique,
	first_tier_above_target: m.settings_rule_first_tier_above_target,
	acknowledge_after_resolve: m.settings_rule_acknowledge_after_resolve,
	clock_time: m.settings_rule_clock_time,
	end_time: m.settings_rule_end_time,
	slot_order: m.settings_rule_slot_order,
	slots_overlap: m.settings_rule_slots_overlap,
	schedule_empty: m.settings_rule_schedule_empty,
	iso_date: m.settings_rule_iso_date,
	schedule_day: m.settings_rule_schedule_day,
	country_code: m.settings_rule_country_code
};

const EXPECTED: Record<string, () => string> = {
	number: m.settings_expected_number,
	int: m.settings_expected_int,
	boolean: m.settings_expected_boolean,
	string: m.settings_expected_string,
	array: m.settings_expected_array,
	tuple: m.settings_expected_array,
	object: m.settings_expected_object
};

export function hasSettingWords(segment: string): boolean {
	return segment in SETTING_WORDS;
}

/** 'sla.credit.tiers.0.belowPercent' → 'Avoirs › paliers › n° 1 › seuil (%)'. */
export function settingInWords(path: string): string {
	const words = path
		.split('.')
		.map((segment) =>
			/^\d+$/.test(segment)
				? m.settings_index({ n: Number(segment) + 1 })
				: (SETTING_WORDS[segment]?.() ?? segment)
		);
	const text = words.join(' › ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}

export function problemInWords(problem: SettingsProblem): string {
	switch (problem.kind) {
		case 'expected':
			return (
				EXPECTED[problem.expected]?.() ?? m.settings_expected_other({ expected: problem.expected })
			);
		case 'too_small':
			if (problem.items) return m.settings_items_at_least({ limit: problem.limit });
			return problem.inclusive
				? m.settings_at_least({ limit: problem.limit })
				: m.settings_more_than({ limit: problem.limit });
		case 'too_big':
			if (problem.items) return m.settings_items_at_most({ limit: problem.limit });
			return problem.inclusive
				? m.settings_at_most({ limit: problem.limit })
				: m.settings_less_than({ limit: problem.limit });
		case 'one_of':
			return m.settings_one_of({ values: problem.values.join(', ') });
		case 'unknown_setting':
			return m.settings_unknown_setting();
		case 'not_an_object':
			return m.settings_not_an_object();
		case 'rule':
			return RULES[problem.rule]?.() ?? m.settings_other();
		case 'other':
			return m.settings_other();
	}
}

export function settingsIssueInWords(issue: SettingsIssue): string {
	const problem = problemInWords(issue.problem);
	if (!issue.path) return m.settings_issue_root({ problem });
	return m.settings_issue({ field: settingInWords(issue.path), path: issue.path, problem });
}
