import type { Period } from '../status/timeline';
import { intBetween, type Rng } from './random-walk';

const MINUTE = 60_000;
/** Demo instants fall on the simulator's 10-second tick. */
const TICK_MS = 10_000;

interface Spell {
	status: 'down' | 'degraded' | 'unknown';
	from: number;
	to: number;
	/** Written into the past by the demo's story (an outage behind an incident report): always kept. */
	fixed?: boolean;
}

/** A spell the demo's story needs at a given time (demo/story.ts). */
export interface FixedSpell {
	status: Spell['status'];
	from: Date;
	to: Date;
}

/** Random spells keep this far from the story's, so each outage reads as one event. */
const CLEARANCE_MS = 60 * MINUTE;

const SPELLS: { status: Spell['status']; count: [number, number]; minutes: [number, number] }[] = [
	{ status: 'down', count: [2, 4], minutes: [3, 45] },
	{ status: 'degraded', count: [2, 5], minutes: [10, 120] },
	{ status: 'unknown', count: [1, 2], minutes: [5, 60] }
];

const onTick = (ms: number) => Math.round(ms / TICK_MS) * TICK_MS;

/**
 * A past timeline from `from` to `to`: mostly up, with a handful of outages, degraded
 * spells and silent gaps that never overlap, plus the `fixed` spells of the demo's story
 * (random ones near them are dropped). Contiguous; the last period (up) stays open so live
 * samples continue it.
 */
export function historyPeriods(
	rng: Rng,
	from: Date,
	to: Date,
	fixed: readonly FixedSpell[] = []
): Period[] {
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
	const story: Spell[] = fixed.map((f) => ({
		status: f.status,
		from: onTick(f.from.getTime()),
		to: onTick(f.to.getTime()),
		fixed: true
	}));
	const clear = (s: Spell) =>
		story.every((f) => s.to + CLEARANCE_MS <= f.from || s.from >= f.to + CLEARANCE_MS);
	const spells = [...drawn.filter(clear), ...story].sort((a, b) => a.from - b.from);
	const periods: Period[] = [];
	let cursor = start;
	for (const spell of spells) {
		const gap = spell.fixed ? 0 : 10 * MINUTE;
		if (spell.from < cursor + gap || spell.from >= spell.to || spell.to > end) continue;
		periods.push({ status: 'up', from: new Date(cursor), to: new Date(spell.from) });
		periods.push({ status: spell.status, from: new Date(spell.from), to: new Date(spell.to) });
		cursor = spell.to;
	}
	periods.push({ status: 'up', from: new Date(cursor), to: null });
	return periods;
}
