/**
 * A stable fingerprint of what a period's figures depend on (frozen months: figures are
 * frozen with a hash of their inputs). Two inputs with the same hash give the same report: rows
 * are clipped to the window the engine reads and every list is put in a canonical order, so the
 * order rows come from the database, or a row still open long after the period, does not matter.
 */
import { createHash } from 'node:crypto';
import { readWindow } from './availability';
import type { SlaInput } from './types';

/** Bump when the engine's rules change, so a frozen month's hash no longer matches a recompute. */
export const SLA_ENGINE_VERSION = 1;

/** JSON with object keys sorted, Dates as ISO strings and undefined members left out. */
export function canonicalJson(value: unknown): string {
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value))
		return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value)
			.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
		return `{${entries.join(',')}}`;
	}
	if (typeof value === 'number' && !Number.isFinite(value))
		throw new RangeError(`cannot hash ${value}`);
	return JSON.stringify(value);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The window [from, to) the figures depend on: the engine's read window, cut at asOf. */
function hashWindow(input: SlaInput): { from: number; to: number } {
	const window = readWindow(input.period, input.settings);
	const from = window.from.getTime();
	return { from, to: Math.max(from, Math.min(window.to.getTime(), input.asOf.getTime())) };
}

/** Everything but the status rows, reduced to what the figures depend on, in canonical order. */
function canonicalHeader(input: SlaInput, from: number, to: number) {
	const seen = (start: Date, end: Date) => start.getTime() < to && end.getTime() > from;
	return {
		engine: SLA_ENGINE_VERSION,
		period: { kind: input.period.kind, start: input.period.start, end: input.period.end },
		evaluatedUntil: Math.min(input.period.end.getTime(), input.asOf.getTime()),
		windowEnd: to,
		timeZone: input.timeZone,
		settings: {
			sla: input.settings.sla,
			maintenance: input.settings.maintenance,
			support: input.settings.support
		},
		monthlyFeeCents: input.monthlyFeeCents,
		components: input.components
			.map(({ id, key, inScope }) => ({ id, key, inScope }))
			.sort((a, b) => byString(a.id, b.id)),
		maintenances: input.maintenances
			.filter((m) => seen(m.start, m.end))
			.map(({ id, componentIds, start, end, announcedAt, approvedAt, network }) => ({
				id,
				componentIds: [...new Set(componentIds)].sort(byString),
				start,
				end,
				announcedAt,
				approvedAt: approvedAt ?? null,
				network
			}))
			.sort((a, b) => byString(a.id, b.id)),
		qualifications: input.qualifications
			.filter((q) => seen(q.start, q.end))
			.map(({ id, componentId, start, end, cause }) => ({ id, componentId, start, end, cause }))
			.sort((a, b) => byString(a.id, b.id))
	};
}

/**
 * Per known component (by id), its rows clipped to the window as "from,to,status" in epoch ms,
 * sorted: one line per component. Built without an object per row, as a month holds tens of
 * thousands of them.
 */
function canonicalRows(input: SlaInput, from: number, to: number): string[] {
	const byComponent = new Map<string, { starts: number[]; lines: string[] }>(
		input.components.map((c) => [c.id, { starts: [], lines: [] }])
	);
	for (const row of input.intervals) {
		const rows = byComponent.get(row.componentId);
		const start = Math.max(row.from.getTime(), from);
		const end = Math.min((row.to ?? input.asOf).getTime(), to);
		if (!rows || !(start < end)) continue;
		rows.starts.push(start);
		rows.lines.push(`${start},${end},${row.status}`);
	}
	return [...byComponent.keys()].sort(byString).map((id) => {
		const { starts, lines } = byComponent.get(id)!;
		const sorted = starts.every((s, i) => i === 0 || starts[i - 1] <= s);
		const ordered = sorted
			? lines
			: lines
					.map((line, i) => ({ line, start: starts[i] }))
					.sort((a, b) => a.start - b.start || byString(a.line, b.line))
					.map((x) => x.line);
		return `${id}:${ordered.join(';')}`;
	});
}

/** sha256 (hex) of the canonical JSON of the inputs but rows, then of each component's rows. */
export function inputsHash(input: SlaInput): string {
	const { from, to } = hashWindow(input);
	const hash = createHash('sha256').update(canonicalJson(canonicalHeader(input, from, to)));
	for (const line of canonicalRows(input, from, to)) hash.update(`\n${line}`);
	return hash.digest('hex');
}
