/**
 * A component's 90 daily bars travel to the browser as one short string, not 90 objects:
 * one token per day, oldest first, comma-separated, the days themselves implied by the last
 * one. A perfect day (100 %, no downtime, no degraded time) is the empty token, so a healthy
 * component costs 89 commas. Otherwise `availability[/down minutes[/degraded minutes]]`, `-`
 * for a day without data; a trailing `*` marks planned maintenance that day.
 */
import type { UptimeDay } from './monitoring';

const DAY_MS = 86_400_000;

function token(d: UptimeDay): string {
	let t: string;
	if (d.availability === null) t = '-';
	else if (d.availability === 100 && d.downMinutes === 0 && d.degradedMinutes === 0) t = '';
	else {
		t = String(d.availability);
		if (d.downMinutes || d.degradedMinutes) t += `/${d.downMinutes}`;
		if (d.degradedMinutes) t += `/${d.degradedMinutes}`;
	}
	return d.maintenance ? `${t}*` : t;
}

export function encodeBars(days: UptimeDay[]): string {
	return days.map(token).join(',');
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** YYYY-MM-DD of a day number (days since 1970-01-01), by integer arithmetic: pages render many. */
function civilDate(days: number): string {
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const doe = z - era * 146_097;
	const yoe = Math.floor(
		(doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365
	);
	const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
	const mp = Math.floor((5 * doy + 2) / 153);
	const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
	return `${year}-${pad(month)}-${pad(day)}`;
}

/** The calendar dates (YYYY-MM-DD) of `count` days ending with `last`, oldest first. */
function daysEndingWith(last: string, count: number): string[] {
	const end = Math.round(Date.parse(`${last}T00:00:00Z`) / DAY_MS);
	return Array.from({ length: count }, (_, i) => civilDate(end - (count - 1 - i)));
}

export function decodeBars(bars: string, lastDay: string): UptimeDay[] {
	const tokens = bars.split(',');
	const days = daysEndingWith(lastDay, tokens.length);
	return tokens.map((raw, i) => {
		const maintenance = raw.endsWith('*');
		const t = maintenance ? raw.slice(0, -1) : raw;
		if (t === '-')
			return { day: days[i], availability: null, downMinutes: 0, degradedMinutes: 0, maintenance };
		const [availability = '100', down = '0', degraded = '0'] = t === '' ? [] : t.split('/');
		return {
			day: days[i],
			availability: Number(availability),
			downMinutes: Number(down),
			degradedMinutes: Number(degraded),
			maintenance
		};
	});
}

/** Whether any day has data: a component never measured shows a sentence instead of bars. */
export const hasBarData = (bars: string) => bars.split(',').some((t) => !t.startsWith('-'));

/** The average availability of the days with data, or null. */
export function averageAvailability(days: UptimeDay[]): number | null {
	let sum = 0;
	let known = 0;
	for (const d of days) {
		if (d.availability === null) continue;
		sum += d.availability;
		known++;
	}
	return known ? sum / known : null;
}

/** Days worth telling in words: some downtime or planned maintenance, worst first. */
export function notableDays(days: UptimeDay[]): UptimeDay[] {
	return days
		.filter((d) => d.maintenance || (d.availability !== null && d.availability < 100))
		.sort((a, b) => (a.availability ?? 100) - (b.availability ?? 100) || (a.day < b.day ? -1 : 1));
}

/** The bar's colour class: thresholds of the availability figure. */
export function barTone(d: UptimeDay): 'none' | 'full' | 'high' | 'mid' | 'low' {
	if (d.availability === null) return 'none';
	if (d.availability >= 99.9) return 'full';
	if (d.availability >= 99) return 'high';
	if (d.availability >= 95) return 'mid';
	return 'low';
}
