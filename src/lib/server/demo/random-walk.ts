/** A seeded pseudo-random source in [0, 1): mulberry32, small and good enough for a demo. */
export type Rng = () => number;

export function seededRng(seed: number): Rng {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

/** A stable 32-bit seed from a text (FNV-1a), so each component gets its own character. */
export function seedOf(text: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h >>> 0;
}

export const between = (rng: Rng, min: number, max: number) => min + (max - min) * rng();
export const intBetween = (rng: Rng, min: number, max: number) =>
	Math.floor(between(rng, min, max + 1));

export interface WalkOptions {
	/** Share of the distance to the target covered each step (0–1): how fast the value settles. */
	pull: number;
	/** Largest random step either way. */
	noise: number;
	min: number;
	max: number;
}

/** One step of a mean-reverting random walk: smooth noise that keeps following a moving target. */
export function walk(value: number, target: number, options: WalkOptions, rng: Rng): number {
	const next = value + (target - value) * options.pull + (rng() * 2 - 1) * options.noise;
	return Math.min(options.max, Math.max(options.min, next));
}

/**
 * Business-day activity, 0 at 3 h and 1 at 15 h local time, damped at weekends. The history's
 * SQL (history.ts) draws the same curve.
 */
export function activity(localHour: number, weekend: boolean): number {
	const shape = 0.5 - 0.5 * Math.cos((2 * Math.PI * (localHour - 3)) / 24);
	return shape * (weekend ? WEEKEND_FACTOR : 1);
}

export const WEEKEND_FACTOR = 0.55;

export type Incident = { kind: 'down' | 'degraded'; ticksLeft: number } | null;

export interface IncidentOdds {
	/** Chance per tick that a healthy component starts an incident. */
	chance: number;
	/** Share of incidents that are outages rather than degraded spells. */
	downShare: number;
	downTicks: [number, number];
	degradedTicks: [number, number];
}

/** Advances a component's incident by one tick: it runs its course, or one may start. */
export function nextIncident(current: Incident, odds: IncidentOdds, rng: Rng): Incident {
	if (current)
		return current.ticksLeft > 1 ? { kind: current.kind, ticksLeft: current.ticksLeft - 1 } : null;
	if (rng() >= odds.chance) return null;
	const kind = rng() < odds.downShare ? 'down' : 'degraded';
	const [min, max] = kind === 'down' ? odds.downTicks : odds.degradedTicks;
	return { kind, ticksLeft: intBetween(rng, min, max) };
}
