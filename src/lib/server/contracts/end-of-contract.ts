/**
 * The dates that follow a contract's end (000 §1.9, 002 art. 7.3, 003 art. 10, 004 art. 10):
 * when the export window opens and closes and when the client's data is destroyed. Dates are
 * calendar dates (YYYY-MM-DD) in the client's timezone; data is destroyed at the end of
 * `destroyOn`. Pure.
 */
import { publicHolidays } from '../calendar/holidays';
import { dateOfDay, dayOfDate, localTime, weekdayIndex } from '../calendar/zoned';
import type { HolidayCalendar } from './schedule';
import type { ContractSettings, Delay } from './settings-schema';

/** Working days (jours ouvrés): Monday to Friday, French public holidays excepted. */
function addWorkingDays(date: string, count: number, calendar: HolidayCalendar): string {
	const step = count < 0 ? -1 : 1;
	let day = dayOfDate(date);
	let left = Math.abs(count);
	const closed = new Map<number, Set<string>>();
	const isClosed = (d: number) => {
		const iso = dateOfDay(d);
		const year = Number(iso.slice(0, 4));
		if (!closed.has(year)) closed.set(year, new Set(publicHolidays(calendar, year)));
		return weekdayIndex(d) >= 5 || closed.get(year)!.has(iso);
	};
	while (left > 0) {
		day += step;
		if (!isClosed(day)) left--;
	}
	return dateOfDay(day);
}

/** Calendar months: the same day of the month, or the month's last day when it has none. */
function addMonths(date: string, count: number): string {
	const [y, mo, d] = date.split('-').map(Number);
	const first = new Date(Date.UTC(y, mo - 1 + count, 1));
	const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
	first.setUTCDate(Math.min(d, last));
	return first.toISOString().slice(0, 10);
}

export function shiftDate(date: string, delay: Delay, sign: 1 | -1, calendar: HolidayCalendar) {
	const n = delay.amount * sign;
	if (delay.unit === 'working_days') return addWorkingDays(date, n, calendar);
	if (delay.unit === 'months') return addMonths(date, n);
	return dateOfDay(dayOfDate(date) + n);
}

export interface EndOfContractDates {
	endsOn: string;
	/** The first day of the contractual export window; null: from the start of the contract. */
	exportOpensOn: string | null;
	/** The last day an export may be asked for: never after the destruction. */
	exportClosesOn: string;
	/** The client's data is destroyed at the end of this day. */
	destroyOn: string;
}

export function endOfContractDates(
	endsOn: string,
	rules: ContractSettings['endOfContract'],
	calendar: HolidayCalendar = 'fr'
): EndOfContractDates {
	const destroyOn = shiftDate(endsOn, rules.destroyAfter, 1, calendar);
	const closes = shiftDate(endsOn, rules.exportWindow.closesAfter, 1, calendar);
	const opensBefore = rules.exportWindow.opensBefore;
	return {
		endsOn,
		exportOpensOn: opensBefore ? shiftDate(endsOn, opensBefore, -1, calendar) : null,
		exportClosesOn: closes < destroyOn ? closes : destroyOn,
		destroyOn
	};
}

/** The calendar date at `now` where the client lives. */
export function localDate(now: Date, timeZone: string): string {
	return dateOfDay(localTime(now.getTime(), timeZone).day);
}

/** Destruction is due once `destroyOn` is over where the client lives (the end of that day). */
export function isDestructionDue(destroyOn: string, now: Date, timeZone: string): boolean {
	return localDate(now, timeZone) > destroyOn;
}

/** Whole days from the client's today to `date` (0 on the day itself, negative once past). */
export function daysUntil(date: string, now: Date, timeZone: string): number {
	return dayOfDate(date) - dayOfDate(localDate(now, timeZone));
}
