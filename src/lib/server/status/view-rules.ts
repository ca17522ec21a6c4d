import type { UptimeDay } from '$lib/monitoring';
import type { RollupResolution } from '../../domain/status';

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
