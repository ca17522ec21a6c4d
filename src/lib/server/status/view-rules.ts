import type { ComponentStatus } from '$lib/live/events';
import type { StatusItem, UptimeDay } from '$lib/monitoring';
import { encodeBars } from '$lib/uptime-bars';
import type { RollupResolution } from '../../domain/status';
import { dateIn, lastDays } from '../calendar/dates';

export const UPTIME_DAYS = 90;

export interface DaySeconds {
	upSeconds: number;
	degradedSeconds: number;
	downSeconds: number;
	unknownSeconds: number;
}

/** A day's bar: unknown time is a gap, never downtime (the SLA counts its own way, in sla/). */
export function uptimeDay(day: string, s: DaySeconds | undefined, maintenance = false): UptimeDay {
	const known = s ? s.upSeconds + s.degradedSeconds + s.downSeconds : 0;
	return {
		day,
		availability:
			s && known > 0 ? Math.round(((known - s.downSeconds) / known) * 100_000) / 1000 : null,
		downMinutes: s ? Math.round(s.downSeconds / 60) : 0,
		degradedMinutes: s ? Math.round(s.degradedSeconds / 60) : 0,
		maintenance
	};
}

/** The calendar days (in `timeZone`) some of these windows covered, up to now. */
export function windowDays(
	windows: { start: Date; end: Date }[],
	timeZone: string,
	now: Date
): Set<string> {
	const days = new Set<string>();
	for (const w of windows) {
		if (w.start > now) continue;
		const first = dateIn(timeZone, w.start);
		const last = dateIn(timeZone, w.end < now ? new Date(w.end.getTime() - 1) : now);
		const span = Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1;
		for (const day of lastDays(last, Math.max(1, span))) days.add(day);
	}
	return days;
}

/** The days a component's bars cover: the last 90 of its own calendar, ending today there. */
export function barDays(timeZone: string, now: Date): string[] {
	return lastDays(dateIn(timeZone, now), UPTIME_DAYS);
}

/**
 * One component's daily bars, on the calendar of its own client's timezone, like its stored day
 * rows: a page that lists several clients' components (the public one) has each row on its own
 * days. Shared-infrastructure components belong to the provider's own client, whose timezone is
 * the provider's (Europe/Paris by default). `days` are `barDays` of that zone, which a caller
 * listing many components of one zone computes once.
 */
export function uptimeBars(
	timeZone: string,
	now: Date,
	figures: (day: string) => DaySeconds | undefined,
	maintenance: { start: Date; end: Date }[],
	days = barDays(timeZone, now)
): UptimeDay[] {
	const marked = maintenance.length ? windowDays(maintenance, timeZone, now) : NO_DAYS;
	return days.map((day) => uptimeDay(day, figures(day), marked.has(day)));
}

const NO_DAYS: ReadonlySet<string> = new Set();

export const MAX_POINTS = 3000;
const RESOLUTION_MS: Record<RollupResolution, number> = {
	minute: 60_000,
	hour: 3_600_000,
	day: 86_400_000
};

/** The finest rollup that keeps a chart at or under 3,000 points. */
export function resolutionFor(fromMs: number, toMs: number): RollupResolution {
	const span = Math.max(0, toMs - fromMs);
	return (
		(['minute', 'hour', 'day'] as const).find((r) => span / RESOLUTION_MS[r] <= MAX_POINTS) ?? 'day'
	);
}

export function pointCount(fromMs: number, toMs: number, resolution: RollupResolution): number {
	return Math.ceil(Math.max(0, toMs - fromMs) / RESOLUTION_MS[resolution]);
}

/** A component's state and bars as a status page carries them to the browser. */
export function toStatusItem(
	key: string,
	c: {
		name: string;
		kind: string;
		status: ComponentStatus;
		since: string | null;
		maintenance: boolean;
		days: UptimeDay[];
	}
): StatusItem {
	return {
		key,
		name: c.name,
		kind: c.kind,
		status: c.status,
		since: c.since,
		maintenance: c.maintenance,
		bars: encodeBars(c.days),
		lastDay: c.days.at(-1)?.day ?? ''
	};
}
