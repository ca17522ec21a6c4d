import type { ComponentStatus } from './live/events';

/** Worst first: a banner shows the worst current state among components. */
const SEVERITY: ComponentStatus[] = ['down', 'degraded', 'unknown', 'up'];

export function overallStatus(statuses: ComponentStatus[]): ComponentStatus {
	if (statuses.length === 0) return 'unknown';
	return SEVERITY.find((s) => statuses.includes(s)) ?? 'unknown';
}

export const CHART_RANGES = { '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 } as const;
export type ChartRange = keyof typeof CHART_RANGES;

export interface UptimeDay {
	day: string;
	/** Share of the known time the component was not down, in percent; null without data. */
	availability: number | null;
	downMinutes: number;
	degradedMinutes: number;
}
