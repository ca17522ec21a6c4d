/**
 * The demo story's clock: instants named the way people remember them ("the 9th working day of the
 * month before last at 11:30"), always relative to the seed's `now`, so the story stays in the past
 * and in the months the SLA reports show, whenever the demo is seeded.
 */
import { dateIn } from '../calendar/dates';
import { frenchPublicHolidays } from '../calendar/holidays';
import {
	DAY_MS,
	MINUTE_MS,
	dateOfDay,
	dayOfDate,
	weekdayIndex,
	zonedInstant
} from '../calendar/zoned';

export type When =
	/** The n-th working day (Mon–Fri, French holidays excepted) of the month `monthsAgo` before now's. */
	| { monthsAgo: 1 | 2 | 3; workday: number; time: string }
	/** The last working day at least `daysAgo` days before today. */
	| { daysAgo: number; time: string }
	/** The first working day at least `daysAhead` days after today. */
	| { daysAhead: number; time: string }
	| { minutesAgo: number };

const holidays = new Map<number, Set<string>>();
function isWorkday(day: number): boolean {
	const year = new Date(day * DAY_MS).getUTCFullYear();
	if (!holidays.has(year)) holidays.set(year, new Set(frenchPublicHolidays(year)));
	return weekdayIndex(day) < 5 && !holidays.get(year)!.has(dateOfDay(day));
}

function workdayFrom(day: number, step: 1 | -1): number {
	while (!isWorkday(day)) day += step;
	return day;
}

/** YYYY-MM of the month `k` months before `month`. */
export function monthBefore(month: string, k: number): string {
	const [y, m] = month.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1 - k, 1)).toISOString().slice(0, 7);
}

function nthWorkday(month: string, n: number): number {
	let day = dayOfDate(`${month}-01`) - 1;
	for (let seen = 0; seen < n;) if (isWorkday(++day)) seen++;
	return day;
}

function atTime(day: number, time: string, timeZone: string): Date {
	const [h, m] = time.split(':').map(Number);
	return new Date(zonedInstant(day, (h * 60 + m) * MINUTE_MS, timeZone));
}

export function instantOf(when: When, now: Date, timeZone: string): Date {
	if ('minutesAgo' in when) return new Date(now.getTime() - when.minutesAgo * MINUTE_MS);
	const today = dayOfDate(dateIn(timeZone, now));
	if ('monthsAgo' in when) {
		const month = monthBefore(dateIn(timeZone, now).slice(0, 7), when.monthsAgo);
		return atTime(nthWorkday(month, when.workday), when.time, timeZone);
	}
	if ('daysAgo' in when) return atTime(workdayFrom(today - when.daysAgo, -1), when.time, timeZone);
	return atTime(workdayFrom(today + when.daysAhead, 1), when.time, timeZone);
}

/** Local midnight `days − 1` days before today: where a history of `days` day bars begins. */
export function historyStartOf(now: Date, timeZone: string, days: number): Date {
	const today = dayOfDate(dateIn(timeZone, now));
	return new Date(zonedInstant(today - (days - 1), 0, timeZone));
}

/** Local midnight starting `month` (YYYY-MM). */
export function monthStartOf(month: string, timeZone: string): Date {
	return new Date(zonedInstant(dayOfDate(`${month}-01`), 0, timeZone));
}

export const plusMinutes = (at: Date, minutes: number) =>
	new Date(at.getTime() + minutes * MINUTE_MS);

/** The story counts its delays in minutes. */
export const HOUR = 60;
export const DAY = 24 * HOUR;
