import { m } from '$lib/paraglide/messages';

export interface CountdownParts {
	days: number;
	hours: number;
	minutes: number;
	seconds: number;
}

/** Whole days, hours, minutes and seconds in a span (its sign dropped). */
export function countdownParts(ms: number): CountdownParts {
	const total = Math.floor(Math.abs(ms) / 1000);
	return {
		days: Math.floor(total / 86_400),
		hours: Math.floor((total % 86_400) / 3600),
		minutes: Math.floor((total % 3600) / 60),
		seconds: total % 60
	};
}

/** "2 j 3 h 4 min" beyond a day, else "3 h 4 min 5 s" (leading zero units left out). */
export function countdownText(ms: number): string {
	const p = countdownParts(ms);
	const parts = [
		p.days ? m.duration_days({ count: p.days }) : null,
		p.days || p.hours ? m.duration_hours({ count: p.hours }) : null,
		m.duration_minutes({ count: p.minutes }),
		p.days ? null : m.duration_seconds({ count: p.seconds })
	];
	return parts.filter(Boolean).join(' ');
}
