import type { Period } from '../status/timeline';
import { intBetween, type Rng } from './random-walk';

const MINUTE = 60_000;
/** Demo instants fall on the simulator's 10-second tick. */
const TICK_MS = 10_000;

interface Spell {
	status: 'down' | 'degraded' | 'unknown';
	from: number;
	to: number;
}

const SPELLS: { status: Spell['status']; count: [number, number]; minutes: [number, number] }[] = [
	{ status: 'down', count: [2, 4], minutes: [3, 45] },
	{ status: 'degraded', count: [2, 5], minutes: [10, 120] },
	{ status: 'unknown', count: [1, 2], minutes: [5, 60] }
];

const onTick = (ms: number) => Math.round(ms / TICK_MS) * TICK_MS;

/**
 * A past timeline from `from` to `to`: mostly up, with a handful of outages, degraded
 * spells and silent gaps that never overlap. Contiguous; the last period (up) stays open so
 * live samples continue it.
 */
export function historyPeriods(rng: Rng, from: Date, to: Date): Period[] {
	const start = from.getTime();
	const end = to.getTime();
	const earliest = start + 60 * MINUTE;
	const latest = end - 180 * MINUTE;
	const drawn: Spell[] = [];
	for (const kind of SPELLS) {
		for (let n = intBetween(rng, ...kind.count); n > 0; n--) {
			const at = onTick(earliest + rng() * Math.max(0, latest - earliest));
			drawn.push({
				status: kind.status,
				from: at,
				to: at + intBetween(rng, ...kind.minutes) * MINUTE
			});
		}
	}
	drawn.sort((a, b) => a.from - b.from);
	const periods: Period[] = [];
	let cursor = start;
	for (const spell of drawn) {
		if (spell.from < cursor + 10 * MINUTE || spell.to > end) continue;
		periods.push({ status: 'up', from: new Date(cursor), to: new Date(spell.from) });
		periods.push({ status: spell.status, from: new Date(spell.from), to: new Date(spell.to) });
		cursor = spell.to;
	}
	periods.push({ status: 'up', from: new Date(cursor), to: null });
	return periods;
}
