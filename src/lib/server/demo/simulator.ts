import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '../db';
import { childLog } from '../log';
import { client, component, probe, type ComponentKind } from '../db/schema';
import type { ResolvedSample } from '../status/samples-input';
import { storeSamples, type StoreResult } from '../status/store';
import { localClock, profileFor, targetsFor, type MetricProfile } from './profiles';
import {
	nextIncident,
	seededRng,
	walk,
	type Incident,
	type IncidentOdds,
	type Rng
} from './random-walk';
import { DEMO_CLIENT_SLUGS, DEMO_INTERVAL_SECONDS, pointDemoProbeAt } from './seed';

const TICK_MS = DEMO_INTERVAL_SECONDS * 1000;
/** About three incidents a day per component (a third of them outages of 1–3 min): the demo moves, the bars stay believable. */
const ODDS: IncidentOdds = {
	chance: 1 / 3000,
	downShare: 0.3,
	downTicks: [6, 18],
	degradedTicks: [6, 36]
};
/** Disks fill by about 0.1 % a day. */
const DISK_GROWTH_PER_TICK = 0.1 / (86_400 / DEMO_INTERVAL_SECONDS);
/**
 * Where the running simulator's stop is kept: the launcher (src/cli/start.ts, outside the
 * bundle) calls it before the database stops, and a reloaded module stops the old instance.
 */
export const SIMULATOR_STOP_KEY = Symbol.for('hosting-portal.simulator');

interface Simulated {
	id: string;
	key: string;
	kind: ComponentKind;
	timezone: string;
}

interface Values {
	cpu: number;
	ram: number;
	disk: number;
	netIn: number;
	netOut: number;
	load: number;
	iowait: number;
	latency: number;
}

interface State {
	profile: MetricProfile;
	values: Values;
	incident: Incident;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

function initialState(c: Simulated, now: Date): State {
	const profile = profileFor(c.kind, c.key);
	const t = targetsFor(profile, localClock(now, c.timezone));
	return {
		profile,
		incident: null,
		values: {
			cpu: t.cpuPct,
			ram: t.ramPct,
			disk: profile.diskTo,
			netIn: t.netInBps,
			netOut: t.netOutBps,
			load: t.load1,
			iowait: t.iowaitPct,
			latency: t.latencyMs
		}
	};
}

/** Moves a component's metrics one tick toward the hour's targets; returns its sample. */
function step(state: State, c: Simulated, now: Date, rng: Rng): ResolvedSample {
	state.incident = nextIncident(state.incident, ODDS, rng);
	const status = state.incident?.kind ?? 'up';
	const strained = status === 'degraded';
	const t = targetsFor(state.profile, localClock(now, c.timezone));
	const v = state.values;
	v.cpu = walk(
		v.cpu,
		t.cpuPct + (strained ? 25 : 0),
		{ pull: 0.15, noise: 2.5, min: 0.5, max: 100 },
		rng
	);
	v.ram = walk(v.ram, t.ramPct, { pull: 0.05, noise: 0.6, min: 5, max: 99 }, rng);
	v.disk = Math.min(98, v.disk + DISK_GROWTH_PER_TICK);
	v.netIn = walk(
		v.netIn,
		t.netInBps,
		{ pull: 0.2, noise: t.netInBps * 0.12, min: 0, max: Infinity },
		rng
	);
	v.netOut = walk(
		v.netOut,
		t.netOutBps,
		{ pull: 0.2, noise: t.netOutBps * 0.12, min: 0, max: Infinity },
		rng
	);
	v.load = walk(
		v.load,
		(state.profile.cores * v.cpu) / 100,
		{ pull: 0.3, noise: 0.05 * state.profile.cores, min: 0, max: 64 },
		rng
	);
	v.iowait = walk(
		v.iowait,
		t.iowaitPct + (strained ? 6 : 0),
		{ pull: 0.2, noise: 0.6, min: 0, max: 100 },
		rng
	);
	v.latency = walk(
		v.latency,
		t.latencyMs * (strained ? 4 : 1),
		{ pull: 0.3, noise: t.latencyMs * 0.08, min: 0.1, max: 60_000 },
		rng
	);

	const sample: ResolvedSample = { componentId: c.id, at: now, status };
	if (status === 'down') return sample;
	sample.latencyMs = round(v.latency);
	if (!state.profile.server) return sample;
	return {
		...sample,
		cpuPct: round(v.cpu),
		ramPct: round(v.ram),
		diskPct: round(v.disk, 3),
		netInBps: Math.round(v.netIn),
		netOutBps: Math.round(v.netOut),
		load1: round(v.load),
		iowaitPct: round(v.iowait)
	};
}

/** Demo components that no probe watches: the simulator plays their agents. */
async function simulatedComponents(): Promise<Simulated[]> {
	return getDb()
		.select({
			id: component.id,
			key: component.key,
			kind: component.kind,
			timezone: client.timezone
		})
		.from(component)
		.innerJoin(client, eq(client.id, component.clientId))
		.leftJoin(probe, eq(probe.componentId, component.id))
		.where(and(inArray(client.slug, DEMO_CLIENT_SLUGS), isNull(probe.id)));
}

export interface DemoSimulator {
	/** Stores one sample per simulated component, all in one batch. */
	tick(now?: Date): Promise<StoreResult>;
}

export function createDemoSimulator(rng: Rng = seededRng(Date.now())): DemoSimulator {
	const states = new Map<string, State>();
	return {
		async tick(now = new Date()) {
			const components = await simulatedComponents();
			const samples = components.map((c) => {
				let state = states.get(c.id);
				if (!state) states.set(c.id, (state = initialState(c, now)));
				return step(state, c, now, rng);
			});
			return storeSamples(samples, now);
		}
	};
}

let timer: NodeJS.Timeout | undefined;
let inFlight: Promise<unknown> | null = null;

async function demoExists(): Promise<boolean> {
	const [{ n }] = await getDb()
		.select({ n: count() })
		.from(client)
		.where(inArray(client.slug, DEMO_CLIENT_SLUGS));
	return n > 0;
}

/** Feeds the demo clients every tick until stopped; does nothing without demo data. */
export async function startDemoSimulator(): Promise<boolean> {
	const shared = globalThis as Record<symbol, (() => Promise<void>) | undefined>;
	const previous = shared[SIMULATOR_STOP_KEY];
	if (previous && previous !== stopDemoSimulator) await previous();
	if (timer) return true;
	if (!(await demoExists())) return false;
	const simulator = createDemoSimulator();
	const tick = () => {
		if (inFlight) return;
		inFlight = simulator
			.tick()
			.catch((error) => childLog({ module: 'demo' }).error({ err: error }, 'simulator tick failed'))
			.finally(() => (inFlight = null));
	};
	timer = setInterval(tick, TICK_MS);
	timer.unref();
	shared[SIMULATOR_STOP_KEY] = stopDemoSimulator;
	tick();
	return true;
}

/** Stops the ticks and waits for the one under way, so the database can go away after. */
export async function stopDemoSimulator(): Promise<void> {
	clearInterval(timer);
	timer = undefined;
	await inFlight;
}

/**
 * At server start, with demo data (SEED_DEMO=1): the demo probe follows this start's origin,
 * and the simulator runs unless DEMO_SIMULATOR=0 (end-to-end tests want a still world).
 */
export async function startDemoActivity(
	env: Record<string, string | undefined> = process.env
): Promise<void> {
	if (env.SEED_DEMO !== '1') return;
	if (env.ORIGIN) await pointDemoProbeAt(env.ORIGIN);
	if (env.DEMO_SIMULATOR !== '0') await startDemoSimulator();
}
