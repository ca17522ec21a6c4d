/**
 * Builders for the SLA engine's tests and benchmark: wall-clock instants in Europe/Paris,
 * timelines tiled from a few outages, and inputs from a preset.
 */
import { dayOfDate, zonedInstant } from '../calendar/zoned';
import { PRESETS, type PresetName } from '../contracts/presets';
import { resolveContractSettings, type ContractSettings } from '../contracts/settings';
import { monthPeriod } from './period';
import type { ComponentStatus, SlaComponentInput, SlaInput, StatusRow } from './types';

export const PARIS = 'Europe/Paris';

/** The instant a Paris wall clock reads 'YYYY-MM-DD HH:MM[:SS]'. */
export function paris(wall: string): Date {
	const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
	if (!m) throw new RangeError(`expected 'YYYY-MM-DD HH:MM', got ${wall}`);
	const ms = ((Number(m[2]) * 60 + Number(m[3])) * 60 + Number(m[4] ?? 0)) * 1000;
	return new Date(zonedInstant(dayOfDate(m[1]), ms, PARIS));
}

export type Stretch = readonly [start: Date, end: Date, status: ComponentStatus];

/** Rows tiling [from, to) for one component: `status` stretches as given, 'up' in between. */
export function timeline(
	componentId: string,
	from: Date,
	to: Date,
	stretches: readonly Stretch[]
): StatusRow[] {
	const rows: StatusRow[] = [];
	let cursor = from;
	for (const [start, end, status] of [...stretches].sort(
		(a, b) => a[0].getTime() - b[0].getTime()
	)) {
		if (start > cursor) rows.push({ componentId, status: 'up', from: cursor, to: start });
		rows.push({ componentId, status, from: start, to: end });
		cursor = end;
	}
	if (cursor < to) rows.push({ componentId, status: 'up', from: cursor, to });
	return rows;
}

export function settingsOf(
	preset: PresetName,
	overrides: Record<string, unknown> = {}
): ContractSettings {
	const resolved = resolveContractSettings(preset, overrides);
	if (!resolved.ok) throw new Error(JSON.stringify(resolved.issues));
	return resolved.settings;
}

export const WEB: SlaComponentInput = { id: 'c-web', key: 'web-1', inScope: true };
export const DB: SlaComponentInput = { id: 'c-db', key: 'db-1', inScope: true };

/**
 * A month of `preset` with every component up from a week before the month to a week after, but
 * for the given stretches; `asOf` long after the month (a closed month).
 */
export function monthInput(
	preset: PresetName,
	month: string,
	options: {
		settings?: ContractSettings;
		components?: SlaComponentInput[];
		stretches?: Record<string, readonly Stretch[]>;
		monthlyFeeCents?: number;
	} & Partial<Pick<SlaInput, 'maintenances' | 'qualifications' | 'asOf'>> = {}
): SlaInput & { intervals: StatusRow[] } {
	const period = monthPeriod(month, PARIS);
	const components = options.components ?? [WEB];
	const week = 7 * 86_400_000;
	const from = new Date(period.start.getTime() - week);
	const to = new Date(period.end.getTime() + week);
	return {
		period,
		timeZone: PARIS,
		settings: options.settings ?? PRESETS[preset],
		monthlyFeeCents: options.monthlyFeeCents ?? 100_000,
		components,
		intervals: components.flatMap((c) => timeline(c.id, from, to, options.stretches?.[c.id] ?? [])),
		maintenances: options.maintenances ?? [],
		qualifications: options.qualifications ?? [],
		asOf: options.asOf ?? to
	};
}
