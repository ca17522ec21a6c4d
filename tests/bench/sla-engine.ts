/**
 * The SLA engine's cost, without the database: the engine is pure.
 *  1. one client-month: 50 components × 30 days of 1-minute samples with realistic flapping,
 *     turned into status intervals as the store does (a row per change) → p95 report time
 *     per preset (target ≤ 20 ms);
 *  2. the month recomputed for 1,000 such clients (target ≤ 10 s).
 *   node --import tsx tests/bench/sla-engine.ts [clients=1000]
 */
import { PRESETS, type PresetName } from '../../src/lib/server/contracts/presets';
import { computeSla, inputsHash, monthPeriod } from '../../src/lib/server/sla';
import { PARIS, settingsOf } from '../../src/lib/server/sla/testing';
import type { ComponentStatus, SlaInput, StatusRow } from '../../src/lib/server/sla/types';

const MONTH = '2026-10'; // the DST month: 44,700 minutes
const COMPONENTS = 50;
const clients = Number(process.argv[2] ?? 1000);
const period = monthPeriod(MONTH, PARIS);
const MINUTE = 60_000;

/** Deterministic PRNG (mulberry32) so every run measures the same data. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Per-minute states: a calm 'up', a 'flappy' up that follows each outage for about half an hour
 * (an unstable service goes down again often), degraded, down, unknown (a silent agent).
 * Per-minute exit probabilities, then where to. 'realistic': a few short degradations a day and
 * about one outage a month per component, with its flapping; 'stormy': twenty times the outages.
 */
type State = 'up' | 'flappy' | 'degraded' | 'down' | 'unknown';
type Chain = Record<State, [probability: number, to: State][]>;
const chain = (outagesPerMinute: number): Chain => ({
	up: [
		[outagesPerMinute, 'down'],
		[0.003, 'degraded'],
		[0.0001, 'unknown']
	],
	flappy: [
		[0.08, 'down'],
		[0.033, 'up']
	],
	degraded: [
		[0.15, 'up'],
		[0.0005, 'down']
	],
	down: [
		[0.12, 'flappy'],
		[0.03, 'degraded']
	],
	unknown: [[0.25, 'up']]
});
const PROFILES = { realistic: chain(1 / 43_200), stormy: chain(20 / 43_200) };
type Profile = keyof typeof PROFILES;
const STATUS: Record<State, ComponentStatus> = {
	up: 'up',
	flappy: 'up',
	degraded: 'degraded',
	down: 'down',
	unknown: 'unknown'
};

function step(CHAIN: Chain, state: State, rand: () => number): State {
	let x = rand();
	for (const [p, to] of CHAIN[state]) {
		if (x < p) return to;
		x -= p;
	}
	return state;
}

/** One sample a minute from a week before the month to its end; a row per change of status. */
function componentRows(
	componentId: string,
	rand: () => number,
	CHAIN: Chain,
	fromSamples: boolean
): StatusRow[] {
	const start = period.start.getTime() - 7 * 1440 * MINUTE;
	const minutes = (period.end.getTime() - start) / MINUTE;
	const rows: StatusRow[] = [];
	let state: State = 'up';
	let rowStart = 0;
	const close = (end: number) => {
		const status = STATUS[state];
		const last = rows[rows.length - 1];
		if (last && last.status === status) last.to = new Date(start + end * MINUTE);
		else
			rows.push({
				componentId,
				status,
				from: new Date(start + rowStart * MINUTE),
				to: new Date(start + end * MINUTE)
			});
	};
	if (fromSamples) {
		for (let m = 1; m < minutes; m++) {
			const next = step(CHAIN, state, rand);
			if (next !== state) {
				close(m);
				state = next;
				rowStart = m;
			}
		}
	} else {
		// The same chain sampled by holding times (geometric), to build 1,000 clients quickly.
		for (let m = 0; m < minutes;) {
			const exit: number = CHAIN[state].reduce((sum, [p]) => sum + p, 0);
			m += Math.max(1, Math.ceil(Math.log(1 - rand()) / Math.log(1 - exit)));
			if (m >= minutes) break;
			close(m);
			let x: number = rand() * exit;
			state = (CHAIN[state].find(([p]) => (x -= p) < 0) ?? CHAIN[state][0])[1];
			rowStart = m;
		}
	}
	close(minutes);
	rows[rows.length - 1].to = null; // the current row stays open
	return rows;
}

function clientInput(
	preset: PresetName,
	profile: Profile,
	seed: number,
	fromSamples: boolean
): SlaInput {
	const rand = random(seed);
	const components = Array.from({ length: COMPONENTS }, (_, i) => ({
		id: `c${i}`,
		key: `srv-${i}`,
		inScope: i % 10 !== 9
	}));
	const intervals = components.flatMap((c) =>
		componentRows(c.id, rand, PROFILES[profile], fromSamples)
	);
	const day = (d: number, h: number) =>
		new Date(period.start.getTime() + (d * 24 + h) * 60 * MINUTE);
	return {
		period,
		timeZone: PARIS,
		settings:
			preset === 'alteo' ? settingsOf('alteo', { sla: { period: 'month' } }) : PRESETS[preset],
		monthlyFeeCents: 250_000,
		components,
		intervals,
		maintenances: [2, 9, 16, 23].map((d, i) => ({
			id: `m${i}`,
			componentIds: components.slice(i * 10, i * 10 + 10).map((c) => c.id),
			start: day(d, 22),
			end: day(d, 22.75),
			announcedAt: day(d - 10, 9)
		})),
		qualifications: intervals
			.filter((r) => r.status === 'down' && r.from >= period.start)
			.filter((_, i) => i % 25 === 0)
			.map((r, i) => ({
				id: `q${i}`,
				componentId: r.componentId,
				start: r.from,
				end: r.to ?? period.end,
				cause: 'client'
			})),
		asOf: new Date(period.end.getTime() + 6 * 86_400_000)
	};
}

const percentile = (xs: number[], p: number) =>
	[...xs].sort((a, b) => a - b)[Math.ceil(p * xs.length) - 1];
const ms = (x: number) => `${x.toFixed(2)} ms`;

console.log(
	`SLA engine, ${MONTH} (${PARIS}), ${COMPONENTS} components, 1-minute samples with flapping\n`
);
for (const profile of ['realistic', 'stormy'] as const) {
	for (const preset of ['softconcept', 'alteo', 'axantis'] as const) {
		const input = clientInput(preset, profile, 42, true);
		for (let i = 0; i < 100; i++) computeSla(input); // warm-up: a long-running server has compiled the engine
		const times: number[] = [];
		let report = computeSla(input);
		for (let i = 0; i < 200; i++) {
			const t0 = performance.now();
			report = computeSla(input);
			times.push(performance.now() - t0);
		}
		const hashTimes: number[] = [];
		for (let i = 0; i < 10; i++) {
			const t0 = performance.now();
			inputsHash(input);
			hashTimes.push(performance.now() - t0);
		}
		const p95 = percentile(times, 0.95);
		console.log(
			`${profile.padEnd(9)} ${preset.padEnd(11)} ${input.intervals.length.toLocaleString('en').padStart(6)} intervals · ` +
				`report p50 ${ms(percentile(times, 0.5))} · p95 ${ms(p95)} ${p95 <= 20 ? '✓' : '✗'} (target ≤ 20 ms) · ` +
				`inputsHash p50 ${ms(percentile(hashTimes, 0.5))} · A ${report.availability} % · D ${report.downtimeMinutes} min · ` +
				`credit ${report.credit.percent} %`
		);
	}
}

let computeMs = 0;
let intervals = 0;
const wall0 = performance.now();
for (let c = 0; c < clients; c++) {
	const preset = (['softconcept', 'alteo', 'axantis'] as const)[c % 3];
	const input = clientInput(preset, 'realistic', 1000 + c, false);
	intervals += input.intervals.length;
	const t0 = performance.now();
	computeSla(input);
	computeMs += performance.now() - t0;
}
const wallMs = performance.now() - wall0;
console.log(
	`\n${clients.toLocaleString('en')} clients × ${COMPONENTS} components, realistic ` +
		`(${Math.round(intervals / clients).toLocaleString('en')} intervals each): ` +
		`recompute ${(computeMs / 1000).toFixed(2)} s ${computeMs <= 10_000 ? '✓' : '✗'} (target ≤ 10 s; ` +
		`${(wallMs / 1000).toFixed(1)} s with generating the data)`
);
