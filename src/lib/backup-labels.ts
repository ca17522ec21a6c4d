import { m } from '$lib/paraglide/messages';
import type { BackupSchedule } from '$lib/server/contracts/settings-schema';
import type { BackupFlagEntry } from '$lib/domain/backups';
import { dateTimeFormat, intlLocale, numberFormat } from './intl';
import { labelFrom } from './labels';

export const backupKindLabel = labelFrom({
	full: m.backup_kind_full,
	data_full: m.backup_kind_data_full,
	incremental: m.backup_kind_incremental
});

export const backupScopeLabel = labelFrom({
	system: m.backup_scope_system,
	databases: m.backup_scope_databases,
	files: m.backup_scope_files
});

export const backupStatusLabel = labelFrom({
	succeeded: m.backup_status_succeeded,
	failed: m.backup_status_failed,
	partial: m.backup_status_partial
});

const FREQUENCY = {
	daily: m.backup_every_day,
	weekly: m.backup_every_week,
	monthly: m.backup_every_month
};

const WEEKDAY_INDEX = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 } as const;

/** "lundi" for 'mon' (1 January 2024 was a Monday). */
function weekdayName(day: keyof typeof WEEKDAY_INDEX, locale: string): string {
	return dateTimeFormat(intlLocale(locale), { weekday: 'long', timeZone: 'UTC' }).format(
		new Date(Date.UTC(2024, 0, 1 + WEEKDAY_INDEX[day]))
	);
}

/** A contract schedule in words: "Incrémentale, chaque jour à 22:00 (bases de données), conservée 28 jours". */
export function scheduleText(s: BackupSchedule, locale: string, retentionDays: number): string {
	const when = [FREQUENCY[s.frequency]()];
	if (s.weekday) when.push(m.backup_on_weekday({ day: weekdayName(s.weekday, locale) }));
	if (s.monthday) when.push(m.backup_on_monthday({ day: s.monthday }));
	when.push(s.at ? m.backup_at_time({ time: s.at }) : m.backup_any_time());
	const scope = s.scope ? ` (${backupScopeLabel(s.scope)})` : '';
	return m.backup_schedule_text({
		kind: backupKindLabel(s.kind),
		when: when.join(' '),
		scope,
		days: s.retentionDays ?? retentionDays
	});
}

/** The exact byte count of a manifest entry (002 art. 7.2 « taille en octets »). */
export function formatByteCount(bytes: number, locale: string): string {
	return numberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(bytes);
}

/** "1 h 35 min", "12 min", "40 s". */
export function formatDuration(seconds: number): string {
	if (seconds < 60) return m.duration_seconds({ count: seconds });
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return m.duration_minutes({ count: minutes });
	return m.duration_hours_minutes({ h: Math.floor(minutes / 60), min: minutes % 60 });
}

/** A flag in words, with its clause. */
export function flagText(entry: BackupFlagEntry, locale: string): string {
	const d = entry.detail;
	const number = numberFormat(intlLocale(locale), { maximumFractionDigits: 1 });
	const text =
		entry.flag === 'change_over_limit'
			? m.backup_flag_change({
					percent: number.format(Number(d.changePercent)),
					limit: number.format(Number(d.limitPercent))
				})
			: entry.flag === 'location'
				? m.backup_flag_location({
						countries: String(d.countries),
						allowed: String(d.allowed)
					})
				: entry.flag === 'site_count'
					? m.backup_flag_sites({ sites: Number(d.sites), required: Number(d.required) })
					: m.backup_flag_late();
	return `${text} (${entry.clause})`;
}

/** An instant on the client's wall clock. */
export function formatInClientZone(iso: string, timeZone: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), {
		dateStyle: 'medium',
		timeStyle: 'short',
		timeZone
	}).format(new Date(iso));
}
