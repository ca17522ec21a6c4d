import { dateTimeFormat } from './intl';

/** A calendar date (YYYY-MM-DD) in words, e.g. « 31 décembre 2026 »: the same day everywhere. */
export function formatCalendarDate(date: string, locale: string): string {
	return dateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
		new Date(`${date}T00:00:00Z`)
	);
}
