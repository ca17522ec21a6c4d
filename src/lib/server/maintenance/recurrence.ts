/**
 * Recurring maintenance (issue 11 §3): an RFC 5545 RRULE whose DTSTART is the first window's start
 * on the client's wall clock, so "every first Tuesday 22:00" stays 22:00 local across daylight
 * saving. Each occurrence becomes a window of its own, with its own compliance (000 §1.4, 001 §5.5),
 * expanded up to a horizon: RECURRENCE_HORIZON_MONTHS after the first start, at most
 * MAX_OCCURRENCES, never beyond the latest start a window may have. Exceptions are EXDATEs (dates
 * on the client's calendar, or the exact instant of an occurrence); one occurrence can also be
 * cancelled later like any window.
 */
import * as rruleModule from 'rrule';
import { DAY_MS, localTime, zonedInstant } from '../calendar/zoned';

// rrule ships CommonJS to Node and ES modules to bundlers: take the class from either shape.
const loaded = rruleModule as typeof rruleModule & { default?: typeof rruleModule };
const { RRule } = loaded.RRule ? loaded : loaded.default!;

export const RECURRENCE_HORIZON_MONTHS = 12;
export const MAX_OCCURRENCES = 50;

const WEEKDAY = '(?:[+-]?(?:[1-9]|[1-4][0-9]|5[0-3]))?(?:MO|TU|WE|TH|FR|SA|SU)';
const list = (item: string) => new RegExp(`^${item}(?:,${item})*$`);
/** Each supported part and its value's grammar (RFC 5545 §3.3.10), stricter than the library. */
const PARTS: Record<string, RegExp> = {
	FREQ: /^(?:DAILY|WEEKLY|MONTHLY|YEARLY)$/,
	INTERVAL: /^(?:[1-9]|[1-9][0-9])$/,
	COUNT: /^(?:[1-9]|[1-9][0-9]|[1-9][0-9][0-9])$/,
	UNTIL: /^\d{8}(?:T\d{6}Z?)?$/,
	BYDAY: list(WEEKDAY),
	BYMONTHDAY: list('-?(?:[1-9]|[12][0-9]|3[01])'),
	BYMONTH: list('(?:[1-9]|1[0-2])'),
	BYSETPOS: list('-?(?:[1-9]|[1-9][0-9]|[1-3][0-9][0-9])'),
	WKST: /^(?:MO|TU|WE|TH|FR|SA|SU)$/
};

export interface ParsedRule {
	/** The rule as stored: parts upper-cased, in the order given, without a leading `RRULE:`. */
	text: string;
	/** UNTIL as the last local instant it allows, or null. */
	until: { date: string; time: string | null; utc: boolean } | null;
}

/** The rule if it is a supported RRULE value (FREQ required; COUNT and UNTIL not both), else null. */
export function parseRecurrence(input: string): ParsedRule | null {
	const text = input
		.trim()
		.replace(/^RRULE:/i, '')
		.toUpperCase();
	if (text === '' || text.length > 500) return null;
	const seen = new Map<string, string>();
	for (const part of text.split(';')) {
		const [name, value, ...rest] = part.split('=');
		if (rest.length || value === undefined || !PARTS[name]?.test(value) || seen.has(name))
			return null;
		seen.set(name, value);
	}
	if (!seen.has('FREQ') || (seen.has('COUNT') && seen.has('UNTIL'))) return null;
	const until = seen.get('UNTIL');
	return {
		text,
		until: until
			? {
					date: `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`,
					time: until.length > 8 ? until.slice(9, 15) : null,
					utc: until.endsWith('Z')
				}
			: null
	};
}

export interface Occurrence {
	start: Date;
	end: Date;
}

/** A local calendar date (YYYY-MM-DD) skips every occurrence starting that day; an instant, the one starting then. */
export type Exception = string;

/** Milliseconds since the epoch of a wall-clock reading taken as UTC: the library's "floating" time. */
const floating = (at: number, timeZone: string) => {
	const { day, msOfDay } = localTime(at, timeZone);
	return day * DAY_MS + msOfDay;
};
const fromFloating = (wall: number, timeZone: string) => {
	const day = Math.floor(wall / DAY_MS);
	return zonedInstant(day, wall - day * DAY_MS, timeZone);
};

function untilInstant(until: NonNullable<ParsedRule['until']>, timeZone: string): number {
	const [y, mo, d] = until.date.split('-').map(Number);
	const day = Date.UTC(y, mo - 1, d) / DAY_MS;
	if (until.time === null) return zonedInstant(day + 1, 0, timeZone) - 1;
	const t = until.time;
	const ms = ((+t.slice(0, 2) * 60 + +t.slice(2, 4)) * 60 + +t.slice(4, 6)) * 1000;
	return until.utc ? day * DAY_MS + ms : zonedInstant(day, ms, timeZone);
}

/**
 * The occurrences of `rule` from the window [start, end), each as long as the first, first one
 * included, none starting after `latestStart`. Exceptions drop occurrences; an empty answer
 * means every occurrence was excepted or out of range.
 */
export function expandRecurrence(
	rule: ParsedRule,
	first: Occurrence,
	timeZone: string,
	{ exceptions = [], latestStart }: { exceptions?: Exception[]; latestStart?: Date } = {}
): Occurrence[] {
	const startMs = first.start.getTime();
	const duration = first.end.getTime() - startMs;
	const horizon = new Date(startMs);
	horizon.setUTCMonth(horizon.getUTCMonth() + RECURRENCE_HORIZON_MONTHS);
	let last = horizon.getTime();
	if (rule.until) last = Math.min(last, untilInstant(rule.until, timeZone));
	if (latestStart) last = Math.min(last, latestStart.getTime());

	const options = RRule.parseString(rule.text.replace(/(^|;)UNTIL=[^;]*/, ''));
	const recurrence = new RRule({ ...options, dtstart: new Date(floating(startMs, timeZone)) });
	const skipDates = new Set(exceptions.filter((e) => !e.includes('T')));
	const skipInstants = new Set(
		exceptions.filter((e) => e.includes('T')).map((e) => new Date(e).getTime())
	);
	const found: Occurrence[] = [];
	// The library iterates on floating time; stop once past the horizon or the cap.
	recurrence.all((wall) => {
		const at = fromFloating(wall.getTime(), timeZone);
		if (at > last) return false;
		const date = new Date(wall.getTime()).toISOString().slice(0, 10);
		if (!skipDates.has(date) && !skipInstants.has(at))
			found.push({ start: new Date(at), end: new Date(at + duration) });
		return found.length < MAX_OCCURRENCES;
	});
	return found;
}

/** Whether some occurrence starts before the previous one ends (a rule more frequent than the window is long). */
export const occurrencesOverlap = (occurrences: Occurrence[]) =>
	occurrences.some((o, i) => i > 0 && o.start < occurrences[i - 1].end);
