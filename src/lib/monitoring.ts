import type { ComponentStatus } from './live/events';

/** What a badge shows: the monitored state, or planned maintenance under way. */
export type DisplayStatus = ComponentStatus | 'maintenance';

/** Worst first: a banner shows the worst current state among components. */
const SEVERITY: DisplayStatus[] = ['down', 'degraded', 'maintenance', 'unknown', 'up'];

export function displayStatus(c: { status: ComponentStatus; maintenance: boolean }): DisplayStatus {
	return c.maintenance ? 'maintenance' : c.status;
}

export function overallStatus(statuses: DisplayStatus[]): DisplayStatus {
	if (statuses.length === 0) return 'unknown';
	return SEVERITY.find((s) => statuses.includes(s)) ?? 'unknown';
}

export const CHART_RANGES = {
	'1h': 3_600_000,
	'24h': 86_400_000,
	'7d': 7 * 86_400_000,
	'30d': 30 * 86_400_000
} as const;
export type ChartRange = keyof typeof CHART_RANGES;

export interface UptimeDay {
	day: string;
	/** Share of the known time the component was not down, in percent; null without data. */
	availability: number | null;
	downMinutes: number;
	degradedMinutes: number;
	/** Some planned maintenance that day (marked on the bar). */
	maintenance: boolean;
}

/** One component as a status page lists it: its 90 bars in their compact form (`uptime-bars.ts`). */
export interface StatusItem {
	/** The client's component key; the public page uses the component's id. */
	key: string;
	name: string;
	kind: string;
	status: ComponentStatus;
	since: string | null;
	maintenance: boolean;
	bars: string;
	/** The newest bar's day, on its client's calendar. */
	lastDay: string;
}
