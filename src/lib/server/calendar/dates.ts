/**
 * Calendar dates and wall-clock readings in a time zone, as pages, forms and exports show them.
 * Pure: no DB, no clock.
 */
import { dateTimeFormat } from '$lib/intl';
import { CONTRACT_TIME_ZONE } from '../contracts/schedule';
import { dateOfDay, dayOfDate, zonedInstant } from './zoned';

/** The calendar date (YYYY-MM-DD) of an instant in a timezone. */
export function dateIn(timezone: string, at: Date): string {
	return dateTimeFormat('en-CA', {
		timeZone: timezone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit'
	}).format(at);
}

/** The `count` calendar dates ending with `today`, oldest first. */
export function lastDays(today: string, count: number): string[] {
	const end = Date.parse(`${today}T00:00:00Z`);
	return Array.from({ length: count }, (_, i) =>
		new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10)
	);
}

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value read on the contract's wall clock (Europe/Paris) as an ISO instant;
 * anything else is passed through for the service's validation to refuse.
 */
export function wallClockToIso(value: string, timeZone = CONTRACT_TIME_ZONE): string {
	const match = LOCAL_DATETIME.exec(value);
	if (!match) return value;
	const date = match[1];
	const [h, min, s] = [match[2], match[3], match[4] ?? '0'].map(Number);
	// Date.parse rolls 30 February over to March: a real date reads back unchanged.
	if (
		Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
		dateOfDay(dayOfDate(date)) !== date ||
		h > 23 ||
		min > 59 ||
		s > 59
	)
		return value;
	return new Date(
		zonedInstant(dayOfDate(date), ((h * 60 + min) * 60 + s) * 1000, timeZone)
	).toISOString();
}
