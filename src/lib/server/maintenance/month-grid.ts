/**
 * The client's maintenance calendar as pure rules: a month as a Monday-first grid of whole weeks,
 * and the local dates a window covers on the client's wall clock (a window from 23:00 to 01:00
 * is on two days; one ending at midnight is not on the next). DST months need no special case:
 * days are calendar dates, and instants are read through the zone.
 */
import { dateOfDay, dayOfDate, localTime, weekdayIndex } from '../calendar/zoned';

export interface GridDay {
	date: string;
	inMonth: boolean;
	today: boolean;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export const isMonth = (value: string | null | undefined): value is string =>
	!!value && MONTH.test(value);

/** YYYY-MM `delta` months away. */
export function shiftMonth(month: string, delta: number): string {
	const [y, mo] = month.split('-').map(Number);
	const index = y * 12 + (mo - 1) + delta;
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The weeks (Monday first) that hold every day of `month`, with the neighbours' days around it. */
export function monthGrid(month: string, today: string): GridDay[][] {
	if (!isMonth(month)) throw new RangeError(`expected a month YYYY-MM, got ${month}`);
	const first = dayOfDate(`${month}-01`);
	const next = dayOfDate(`${shiftMonth(month, 1)}-01`);
	const from = first - weekdayIndex(first);
	const to = next + ((7 - weekdayIndex(next)) % 7);
	const weeks: GridDay[][] = [];
	for (let day = from; day < to; day += 7) {
		weeks.push(
			Array.from({ length: 7 }, (_, i) => {
				const date = dateOfDay(day + i);
				return { date, inMonth: date.startsWith(month), today: date === today };
			})
		);
	}
	return weeks;
}

/** The local dates (YYYY-MM-DD) that the window [start, end) touches in `timeZone`. */
export function windowDates(w: { start: Date; end: Date }, timeZone: string): string[] {
	const start = w.start.getTime();
	const end = w.end.getTime();
	if (!(start < end)) return [];
	const last = localTime(end - 1, timeZone).day;
	const dates: string[] = [];
	for (let day = localTime(start, timeZone).day; day <= last; day++) dates.push(dateOfDay(day));
	return dates;
}

/** Per local date, the ids of the windows on it, in the windows' order. */
export function windowsByDate<W extends { id: string; start: Date; end: Date }>(
	windows: W[],
	timeZone: string
): Map<string, string[]> {
	const byDate = new Map<string, string[]>();
	for (const w of windows) {
		for (const date of windowDates(w, timeZone)) {
			const ids = byDate.get(date) ?? [];
			ids.push(w.id);
			byDate.set(date, ids);
		}
	}
	return byDate;
}
