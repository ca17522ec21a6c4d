/**
 * Wall-clock arithmetic in an IANA time zone through Intl (no dependency). A local calendar
 * date is handled as its day number (days since 1970-01-01); instants are epoch milliseconds.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: 'numeric',
			day: 'numeric',
			hour: 'numeric',
			minute: 'numeric',
			second: 'numeric'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** UTC offset (ms, east positive) of `timeZone` at instant `at`. */
export function offsetMs(at: number, timeZone: string): number {
	const p = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	for (const part of formatter(timeZone).formatToParts(at)) {
		if (part.type in p) p[part.type as keyof typeof p] = Number(part.value);
	}
	const wall = new Date(0);
	wall.setUTCFullYear(p.year, p.month - 1, p.day);
	wall.setUTCHours(p.hour, p.minute, p.second);
	return wall.getTime() - (at - (((at % 1000) + 1000) % 1000));
}

const MAX_CACHED = 100_000;

interface ZoneCache {
	/** Per day number: the zone's offset when none changes near that day, else null. */
	uniform: Map<number, number | null>;
	/** Wall time (ms, read as UTC) → instant, for the few days near an offset change. */
	nearChange: Map<number, number>;
}
const caches = new Map<string, ZoneCache>();

function cacheOf(timeZone: string): ZoneCache {
	let c = caches.get(timeZone);
	if (!c) caches.set(timeZone, (c = { uniform: new Map(), nearChange: new Map() }));
	return c;
}

function remember<K, V>(map: Map<K, V>, key: K, value: V): V {
	if (map.size >= MAX_CACHED) map.clear();
	map.set(key, value);
	return value;
}

function uniformOffset(day: number, timeZone: string): number | null {
	const { uniform } = cacheOf(timeZone);
	const known = uniform.get(day);
	if (known !== undefined) return known;
	// Every instant of this UTC day, and every local time of this local day (00:00..24:00),
	// lies between these two instants: offsets are within ±14 h.
	const before = offsetMs((day - 1) * DAY_MS, timeZone);
	return remember(uniform, day, before === offsetMs((day + 2) * DAY_MS, timeZone) ? before : null);
}

/** The local day number of `at` and the milliseconds elapsed on its wall clock since midnight. */
export function localTime(at: number, timeZone: string): { day: number; msOfDay: number } {
	const wall = at + (uniformOffset(Math.floor(at / DAY_MS), timeZone) ?? offsetMs(at, timeZone));
	const day = Math.floor(wall / DAY_MS);
	return { day, msOfDay: wall - day * DAY_MS };
}

/**
 * The instant at which the wall clock of `timeZone` reads `msOfDay` (up to 24:00 = next
 * midnight) on local day `day`. As Temporal's 'compatible': a time skipped by a DST gap moves
 * later by the gap's length; a time repeated when clocks fall back is its first occurrence.
 */
export function zonedInstant(day: number, msOfDay: number, timeZone: string): number {
	const local = day * DAY_MS + msOfDay;
	const uniform = uniformOffset(day, timeZone);
	if (uniform !== null) return local - uniform;
	const { nearChange } = cacheOf(timeZone);
	const known = nearChange.get(local);
	if (known !== undefined) return known;
	const before = offsetMs(local - DAY_MS, timeZone);
	const after = offsetMs(local + DAY_MS, timeZone);
	const early = local - before;
	const late = local - after;
	const earlyValid = offsetMs(early, timeZone) === before;
	const lateValid = offsetMs(late, timeZone) === after;
	const instant = earlyValid && lateValid ? Math.min(early, late) : lateValid ? late : early;
	return remember(nearChange, local, instant);
}

/** Day number of a calendar date YYYY-MM-DD. */
export function dayOfDate(date: string): number {
	const ms = Date.parse(`${date}T00:00:00Z`);
	if (Number.isNaN(ms)) throw new RangeError(`expected a date YYYY-MM-DD, got ${date}`);
	return ms / DAY_MS;
}

/** Calendar date YYYY-MM-DD of a day number. */
export const dateOfDay = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** Index of the weekday of a day number, 0 = Monday … 6 = Sunday. */
export const weekdayIndex = (day: number): number => (((day + 3) % 7) + 7) % 7;

/** The instant of local midnight starting calendar date YYYY-MM-DD in `timeZone`. */
export function startOfDate(date: string, timeZone: string): Date {
	return new Date(zonedInstant(dayOfDate(date), 0, timeZone));
}

/** The [start, end) instants of calendar month YYYY-MM in `timeZone` (a DST month is 1 h shorter or longer). */
export function monthRange(month: string, timeZone: string): { start: Date; end: Date } {
	const m = /^(\d{4})-(\d{2})$/.exec(month);
	if (!m || Number(m[2]) < 1 || Number(m[2]) > 12)
		throw new RangeError(`expected a month YYYY-MM, got ${month}`);
	const first = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1) / DAY_MS;
	const next = Date.UTC(Number(m[1]), Number(m[2]), 1) / DAY_MS;
	return {
		start: new Date(zonedInstant(first, 0, timeZone)),
		end: new Date(zonedInstant(next, 0, timeZone))
	};
}
