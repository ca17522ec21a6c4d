/**
 * French public holidays (jours fériés, Code du travail art. L3133-1), used to close business
 * calendars (004 art. 6 coverage, 002 art. 4.3 support hours). Pure: dates are calendar dates YYYY-MM-DD.
 */
import type { HolidayCalendar } from '../contracts/schedule';

const DAY_MS = 86_400_000;

/** 1 Jan, 1 May, 8 May, 14 Jul, 15 Aug, 1 Nov, 11 Nov, 25 Dec. */
const FIXED = ['01-01', '05-01', '05-08', '07-14', '08-15', '11-01', '11-11', '12-25'];
/** Easter Monday, Ascension Thursday, Whit Monday: days after Easter Sunday. */
const FROM_EASTER = [1, 39, 50];
/** Alsace-Moselle (local law, art. L3134-13): Good Friday and 26 December on top. */
const ALSACE_MOSELLE_FROM_EASTER = [-2];
const ALSACE_MOSELLE_FIXED = ['12-26'];

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function easterSundayMs(year: number): number {
	// Anonymous Gregorian algorithm (Meeus/Jones/Butcher).
	const a = year % 19;
	const b = Math.floor(year / 100);
	const c = year % 100;
	const d = Math.floor(b / 4);
	const e = b % 4;
	const f = Math.floor((b + 8) / 25);
	const g = Math.floor((b - f + 1) / 3);
	const h = (19 * a + b - d - g + 15) % 30;
	const i = Math.floor(c / 4);
	const k = c % 4;
	const l = (32 + 2 * e + 2 * i - h - k) % 7;
	const m = Math.floor((a + 11 * h + 22 * l) / 451);
	const n = h + l - 7 * m + 114;
	return Date.UTC(year, Math.floor(n / 31) - 1, (n % 31) + 1);
}

/** Easter Sunday of a Gregorian year, YYYY-MM-DD. */
export function easterSunday(year: number): string {
	return isoDate(easterSundayMs(year));
}

/** The French public holidays of `year`, sorted, YYYY-MM-DD. */
export function frenchPublicHolidays(
	year: number,
	options: { alsaceMoselle?: boolean } = {}
): string[] {
	const yyyy = String(year).padStart(4, '0');
	const fixed = options.alsaceMoselle ? [...FIXED, ...ALSACE_MOSELLE_FIXED] : FIXED;
	const offsets = options.alsaceMoselle
		? [...ALSACE_MOSELLE_FROM_EASTER, ...FROM_EASTER]
		: FROM_EASTER;
	const easter = easterSundayMs(year);
	return [
		...fixed.map((md) => `${yyyy}-${md}`),
		...offsets.map((n) => isoDate(easter + n * DAY_MS))
	].sort();
}

/** The holidays a contract's holiday calendar closes in `year` ('none' closes none). */
export function publicHolidays(calendar: HolidayCalendar, year: number): string[] {
	if (calendar === 'none') return [];
	return frenchPublicHolidays(year, { alsaceMoselle: calendar === 'fr-alsace-moselle' });
}
