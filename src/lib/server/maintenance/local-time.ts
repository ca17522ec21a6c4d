/**
 * Staff type a window as a wall-clock time (a datetime-local field), meant in each client's own
 * time zone: the same "22:00" is a different instant for a client in Paris and one in Montréal.
 */
import { z } from 'zod';
import { dateOfDay, dayOfDate, localTime, zonedInstant } from '../calendar/zoned';

const LOCAL = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?$/;

export const localDateTimeSchema = z
	.string()
	.trim()
	.regex(LOCAL)
	.refine((v) => !Number.isNaN(Date.parse(`${v.slice(0, 10)}T00:00:00Z`)));

/** The instant at which `timeZone`'s wall clock reads `value` (YYYY-MM-DDTHH:mm). */
export function instantOfLocal(value: string, timeZone: string): Date {
	const match = LOCAL.exec(value);
	if (!match) throw new RangeError(`expected YYYY-MM-DDTHH:mm, got ${value}`);
	const ms = (Number(match[2]) * 60 + Number(match[3])) * 60_000;
	return new Date(zonedInstant(dayOfDate(match[1]), ms, timeZone));
}

/** The value of a datetime-local field showing `at` on `timeZone`'s wall clock. */
export function localOfInstant(at: Date, timeZone: string): string {
	const { day, msOfDay } = localTime(at.getTime(), timeZone);
	const minutes = Math.floor(msOfDay / 60_000);
	const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
	const mm = String(minutes % 60).padStart(2, '0');
	return `${dateOfDay(day)}T${hh}:${mm}`;
}
