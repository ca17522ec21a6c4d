import type { ComponentKind } from '../db/schema';
import { activity, between, intBetween, seedOf, seededRng } from './random-walk';

/** How a demo component behaves: quiet-hour levels and how far business hours push them. */
export interface MetricProfile {
	server: boolean;
	cpuBase: number;
	cpuSwing: number;
	ramBase: number;
	ramSwing: number;
	/** Disk use 90 days before the seed and at the seed: it grows slowly. */
	diskFrom: number;
	diskTo: number;
	netInPeakBps: number;
	netOutPeakBps: number;
	cores: number;
	latencyMs: number;
}

const LATENCY_BY_KIND: Record<ComponentKind, number> = {
	server: 2,
	database: 4,
	network: 12,
	application: 110,
	backup: 35
};

/** A component's profile, derived from its kind and key: the same every start. */
export function profileFor(kind: ComponentKind, key: string): MetricProfile {
	const rng = seededRng(seedOf(`${kind}:${key}`));
	const diskFrom = between(rng, 30, 55);
	return {
		server: kind === 'server',
		cpuBase: between(rng, 6, 14),
		cpuSwing: between(rng, 25, 50),
		ramBase: between(rng, 35, 55),
		ramSwing: between(rng, 8, 20),
		diskFrom,
		diskTo: diskFrom + between(rng, 6, 14),
		netInPeakBps: between(rng, 20, 80) * 1e6,
		netOutPeakBps: between(rng, 40, 160) * 1e6,
		cores: 2 ** intBetween(rng, 1, 3),
		latencyMs: LATENCY_BY_KIND[kind] * between(rng, 0.8, 1.3)
	};
}

export interface Targets {
	cpuPct: number;
	ramPct: number;
	netInBps: number;
	netOutBps: number;
	load1: number;
	iowaitPct: number;
	latencyMs: number;
}

/** Where each metric heads at a given activity level (0 quiet night, 1 busy afternoon). */
export function targetsAt(profile: MetricProfile, level: number, nightlyBackup: boolean): Targets {
	const cpuPct = profile.cpuBase + profile.cpuSwing * level;
	return {
		cpuPct,
		ramPct: profile.ramBase + profile.ramSwing * level,
		netInBps: profile.netInPeakBps * (0.08 + 0.92 * level),
		netOutBps: profile.netOutPeakBps * (0.08 + 0.92 * level),
		load1: (profile.cores * cpuPct) / 100,
		iowaitPct: 1 + 3 * level + (nightlyBackup ? 8 : 0),
		latencyMs: profile.latencyMs * (1 + 0.6 * level)
	};
}

export interface LocalClock {
	hour: number;
	weekend: boolean;
}

/** The wall-clock hour (with minutes as a fraction) and whether it is a weekend, in a timezone. */
export function localClock(at: Date, timeZone: string): LocalClock {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		hour: 'numeric',
		minute: 'numeric',
		weekday: 'short'
	}).formatToParts(at);
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return {
		hour: Number(part('hour')) + Number(part('minute')) / 60,
		weekend: part('weekday') === 'Sat' || part('weekday') === 'Sun'
	};
}

/** Backups run between 1 h and 3 h: I/O wait climbs then. */
export const isBackupHour = (hour: number) => hour >= 1 && hour < 3;

export function targetsFor(profile: MetricProfile, clock: LocalClock): Targets {
	return targetsAt(profile, activity(clock.hour, clock.weekend), isBackupHour(clock.hour));
}
