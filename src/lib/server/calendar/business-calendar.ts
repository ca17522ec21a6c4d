/**
 * Business calendars: when the provider's clock runs for SLA coverage (000 §2, 004 art. 6) and for
 * incident deadlines (000 §2). A calendar is either '24x7' or a weekly schedule of wall-clock slots
 * in an IANA time zone, closed on public holidays and on extra closed days.
 *
 * Pure: no DB, no SvelteKit. Work is done day by day (a month = ~31 steps), never minute by minute.
 */
import { CONTRACT_TIME_ZONE, WEEKDAYS, minutesOfDay } from '../contracts/schedule';
import type { HolidayCalendar, WeeklySchedule } from '../contracts/schedule';
import type { Coverage } from '../contracts/settings';
import { publicHolidays } from './holidays';
import { DAY_MS, MINUTE_MS, dayOfDate, localTime, weekdayIndex, zonedInstant } from './zoned';

export interface ScheduleCalendar {
	/** IANA zone in which the slots' 'HH:MM' are read. */
	timeZone: string;
	weekly: WeeklySchedule;
	holidays: HolidayCalendar;
	/** Extra closed calendar dates YYYY-MM-DD. */
	closedDays?: readonly string[];
}

/** '24x7' is always open; its days are 24 hours long (no time zone). */
export type BusinessCalendar = '24x7' | ScheduleCalendar;

/** An open stretch [start, end). */
export interface OpenInterval {
	start: Date;
	end: Date;
}

/** The SLA coverage calendar of a contract (24/7: 000 §2, 001 §5.2; a schedule: 004 art. 6). */
export function coverageCalendar(
	coverage: Coverage,
	timeZone = CONTRACT_TIME_ZONE
): BusinessCalendar {
	if (coverage.mode === '24x7') return '24x7';
	return {
		timeZone,
		weekly: coverage.weekly,
		holidays: coverage.publicHolidays,
		closedDays: coverage.closedDays
	};
}

/** The support-hours calendar in which business-mode incident deadlines run (000 §1.5, 002 art. 4.3). */
export function supportCalendar(
	support: { hours: WeeklySchedule; publicHolidays: HolidayCalendar },
	timeZone = CONTRACT_TIME_ZONE
): BusinessCalendar {
	return { timeZone, weekly: support.hours, holidays: support.publicHolidays };
}

/** A schedule with its slots parsed, per weekday (0 = Monday): flat [start, end, …] in ms of the day. */
interface Compiled {
	timeZone: string;
	slots: number[][];
	holidays: HolidayCalendar;
	closed: ReadonlySet<number>;
}

/** Ten years without an opening means the calendar never opens. */
const MAX_CLOSED_DAYS = 3660;

const holidayDays = new Map<string, ReadonlySet<number>>();

function isHoliday(calendar: HolidayCalendar, day: number): boolean {
	if (calendar === 'none') return false;
	const year = new Date(day * DAY_MS).getUTCFullYear();
	const key = `${calendar}:${year}`;
	let days = holidayDays.get(key);
	if (!days) holidayDays.set(key, (days = new Set(publicHolidays(calendar, year).map(dayOfDate))));
	return days.has(day);
}

function slotMs(time: string): number {
	const minutes = minutesOfDay(time);
	if (minutes === null) throw new RangeError(`expected a time HH:MM, got ${time}`);
	return minutes * MINUTE_MS;
}

function compile(calendar: ScheduleCalendar): Compiled {
	return {
		timeZone: calendar.timeZone,
		slots: WEEKDAYS.map((d) =>
			calendar.weekly[d].flatMap(([from, to]) => [slotMs(from), slotMs(to)])
		),
		holidays: calendar.holidays,
		closed: new Set((calendar.closedDays ?? []).map(dayOfDate))
	};
}

function isBusinessDay(c: Compiled, day: number): boolean {
	return c.slots[weekdayIndex(day)].length > 0 && !c.closed.has(day) && !isHoliday(c.holidays, day);
}

/**
 * Calls `visit` with each open stretch [start, end) (epoch ms) of the days from the one holding
 * `fromMs`, in order, until `visit` returns true or the stretches reach `untilMs`. Stretches are
 * whole slots: callers clip them.
 */
function scan(
	c: Compiled,
	fromMs: number,
	untilMs: number,
	visit: (start: number, end: number) => boolean
): void {
	let closedRun = 0;
	for (let day = localTime(fromMs, c.timeZone).day; ; day++) {
		if (zonedInstant(day, 0, c.timeZone) >= untilMs) return;
		if (!isBusinessDay(c, day)) {
			if (++closedRun > MAX_CLOSED_DAYS) throw new RangeError('this calendar never opens');
			continue;
		}
		closedRun = 0;
		const slots = c.slots[weekdayIndex(day)];
		for (let i = 0; i < slots.length; i += 2) {
			const start = zonedInstant(day, slots[i], c.timeZone);
			const end = zonedInstant(day, slots[i + 1], c.timeZone);
			if (start >= untilMs) return;
			if (end > start && end > fromMs && visit(start, end)) return;
		}
	}
}

function openSpans(calendar: BusinessCalendar, fromMs: number, toMs: number): number[] {
	if (!(fromMs < toMs)) return [];
	if (calendar === '24x7') return [fromMs, toMs];
	const out: number[] = [];
	scan(compile(calendar), fromMs, toMs, (start, end) => {
		const s = Math.max(start, fromMs);
		const e = Math.min(end, toMs);
		if (out.length > 0 && out[out.length - 1] === s) out[out.length - 1] = e;
		else out.push(s, e);
		return false;
	});
	return out;
}

function openMs(calendar: BusinessCalendar, fromMs: number, toMs: number): number {
	const spans = openSpans(calendar, fromMs, toMs);
	let total = 0;
	for (let i = 0; i < spans.length; i += 2) total += spans[i + 1] - spans[i];
	return total;
}

/** The open stretches [start, end) between two instants, sorted, touching ones merged. */
export function openIntervals(calendar: BusinessCalendar, from: Date, to: Date): OpenInterval[] {
	const spans = openSpans(calendar, from.getTime(), to.getTime());
	const out: OpenInterval[] = [];
	for (let i = 0; i < spans.length; i += 2)
		out.push({ start: new Date(spans[i]), end: new Date(spans[i + 1]) });
	return out;
}

/** Open (coverage) minutes between two instants; fractional when the bounds are. */
export function openMinutesBetween(calendar: BusinessCalendar, from: Date, to: Date): number {
	return openMs(calendar, from.getTime(), to.getTime()) / MINUTE_MS;
}

function nextOpeningMs(calendar: BusinessCalendar, at: number): number {
	if (calendar === '24x7') return at;
	let found = at;
	scan(compile(calendar), at, Infinity, (start) => {
		found = Math.max(start, at);
		return true;
	});
	return found;
}

/** `at` itself when the calendar is open then, else the next instant it opens. */
export function nextOpening(calendar: BusinessCalendar, at: Date): Date {
	return new Date(nextOpeningMs(calendar, at.getTime()));
}

/**
 * The instant at which `minutes` of open time have elapsed since `start` (hours in
 * business mode consume only open time; a start while closed counts from the next opening).
 * Ending exactly at a closing returns the closing instant.
 */
export function addOpenMinutes(calendar: BusinessCalendar, start: Date, minutes: number): Date {
	if (!(minutes >= 0) || !Number.isFinite(minutes))
		throw new RangeError(`expected minutes ≥ 0, got ${minutes}`);
	const from = start.getTime();
	let remaining = minutes * MINUTE_MS;
	if (calendar === '24x7') return new Date(from + remaining);
	let result = from;
	scan(compile(calendar), from, Infinity, (s, e) => {
		const begin = Math.max(s, from);
		if (remaining <= e - begin) {
			result = begin + remaining;
			return true;
		}
		remaining -= e - begin;
		return false;
	});
	return new Date(result);
}

/**
 * N days in business mode = the same clock time on the N-th following business day
 * (a day with an open slot, not a holiday nor a closed day), moved to the next opening if closed
 * then. The clock time is the one of `start`'s next opening (a report filed while closed counts
 * from the opening). For '24x7', a day is 24 hours.
 */
export function addBusinessDays(calendar: BusinessCalendar, start: Date, days: number): Date {
	if (!Number.isInteger(days) || days < 0)
		throw new RangeError(`expected a whole number of days ≥ 0, got ${days}`);
	if (calendar === '24x7') return new Date(start.getTime() + days * DAY_MS);
	const opened = nextOpeningMs(calendar, start.getTime());
	if (days === 0) return new Date(opened);
	const c = compile(calendar);
	const clock = localTime(opened, c.timeZone);
	let day = clock.day;
	for (let counted = 0; counted < days;) if (isBusinessDay(c, ++day)) counted++;
	return new Date(nextOpeningMs(calendar, zonedInstant(day, clock.msOfDay, c.timeZone)));
}

/**
 * Share (0..1) of the open time allowed between `start` and `deadline` already used at `now`;
 * a report is at_risk from `incidents.atRiskPercent` (75 %). A deadline with no open time before it counts as
 * fully used once reached.
 */
export function elapsedOpenFraction(
	calendar: BusinessCalendar,
	start: Date,
	deadline: Date,
	now: Date
): number {
	const allowed = openMs(calendar, start.getTime(), deadline.getTime());
	if (allowed <= 0) return now.getTime() >= deadline.getTime() ? 1 : 0;
	return openMs(calendar, start.getTime(), Math.min(now.getTime(), deadline.getTime())) / allowed;
}
