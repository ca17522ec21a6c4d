import { describe, expect, it } from 'vitest';
import {
	activity,
	nextIncident,
	seedOf,
	seededRng,
	walk,
	type Incident,
	type IncidentOdds
} from './random-walk';

const ODDS: IncidentOdds = {
	chance: 0.05,
	downShare: 0.3,
	downTicks: [6, 18],
	degradedTicks: [6, 36]
};

describe('seededRng', () => {
	it('repeats the same sequence for the same seed, within [0, 1)', () => {
		const a = seededRng(42);
		const b = seededRng(42);
		const drawn = Array.from({ length: 1000 }, () => a());
		expect(drawn).toEqual(Array.from({ length: 1000 }, () => b()));
		expect(Math.min(...drawn)).toBeGreaterThanOrEqual(0);
		expect(Math.max(...drawn)).toBeLessThan(1);
		expect(drawn.reduce((s, x) => s + x, 0) / drawn.length).toBeCloseTo(0.5, 1);
	});

	it('gives different components different seeds', () => {
		expect(seedOf('server:web-1')).not.toBe(seedOf('server:erp-1'));
		expect(seedOf('server:web-1')).toBe(seedOf('server:web-1'));
	});
});

describe('walk', () => {
	const options = { pull: 0.2, noise: 1, min: 0, max: 100 };

	it('settles around its target and stays within bounds', () => {
		const rng = seededRng(7);
		let value = 90;
		const tail: number[] = [];
		for (let i = 0; i < 500; i++) {
			value = walk(value, 30, options, rng);
			expect(value).toBeGreaterThanOrEqual(0);
			expect(value).toBeLessThanOrEqual(100);
			if (i >= 100) tail.push(value);
		}
		expect(tail.reduce((s, x) => s + x, 0) / tail.length).toBeCloseTo(30, 0);
	});

	it('moves smoothly: no step larger than its share of the distance plus the noise', () => {
		const rng = seededRng(9);
		let value = 50;
		for (let i = 0; i < 200; i++) {
			const next = walk(value, 50, options, rng);
			expect(Math.abs(next - value)).toBeLessThanOrEqual(
				Math.abs(50 - value) * options.pull + options.noise + 1e-9
			);
			value = next;
		}
	});

	it('clamps at the bounds', () => {
		expect(walk(99.9, 200, options, () => 0.999)).toBe(100);
		expect(walk(0.1, -50, options, () => 0)).toBe(0);
	});
});

describe('activity (the business-day curve)', () => {
	it('is lowest at 3 h, highest at 15 h, damped at weekends', () => {
		expect(activity(3, false)).toBeCloseTo(0);
		expect(activity(15, false)).toBeCloseTo(1);
		expect(activity(15, true)).toBeLessThan(activity(15, false));
		expect(activity(9, false)).toBeGreaterThan(activity(6, false));
	});
});

describe('nextIncident', () => {
	it('runs an incident its course, then the component is healthy again', () => {
		let incident: Incident = { kind: 'down', ticksLeft: 3 };
		const seen: Incident[] = [];
		for (let i = 0; i < 3; i++) seen.push((incident = nextIncident(incident, ODDS, () => 0)));
		expect(seen).toEqual([{ kind: 'down', ticksLeft: 2 }, { kind: 'down', ticksLeft: 1 }, null]);
	});

	it('starts incidents at about the given rate, outages lasting 1 to 3 minutes of ticks', () => {
		const rng = seededRng(3);
		let started = 0;
		let downs = 0;
		for (let i = 0; i < 20_000; i++) {
			const incident = nextIncident(null, ODDS, rng);
			if (!incident) continue;
			started++;
			if (incident.kind === 'down') {
				downs++;
				expect(incident.ticksLeft).toBeGreaterThanOrEqual(6);
				expect(incident.ticksLeft).toBeLessThanOrEqual(18);
			}
		}
		expect(started / 20_000).toBeCloseTo(ODDS.chance, 2);
		expect(downs / started).toBeGreaterThan(0.2);
		expect(downs / started).toBeLessThan(0.4);
	});
});
