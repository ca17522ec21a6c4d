import type { IntervalStatus, SampleStatus } from '../../domain/status';

export interface TimelineSample {
	at: Date;
	status: SampleStatus;
}

export interface Period {
	status: IntervalStatus;
	from: Date;
	/** null: the period is still running. */
	to: Date | null;
}

/** No sample for this many expected intervals and the state is no longer known. */
export const MISSED_INTERVALS_BEFORE_UNKNOWN = 3;

export function staleAfterMs(expectedIntervalSeconds: number): number {
	return MISSED_INTERVALS_BEFORE_UNKNOWN * expectedIntervalSeconds * 1000;
}

/**
 * Folds time-ordered samples into periods: a state holds from a sample until the next
 * sample that says otherwise; a silence longer than `staleMs` becomes an `unknown` period
 * (a gap, not downtime). The last period stays open unless the silence runs up to `now`.
 */
export function foldSamples(samples: TimelineSample[], staleMs: number, now: Date): Period[] {
	if (samples.length === 0) return [];
	const periods: Period[] = [];
	let current: Period = { status: samples[0].status, from: samples[0].at, to: null };
	let last = samples[0];
	const openUnknownAfter = (sample: TimelineSample, until: Date | null) => {
		const silentFrom = new Date(sample.at.getTime() + staleMs);
		periods.push({ ...current, to: silentFrom });
		periods.push({ status: 'unknown', from: silentFrom, to: until });
	};
	for (const next of samples.slice(1)) {
		if (next.at.getTime() <= last.at.getTime()) continue;
		if (next.at.getTime() - last.at.getTime() > staleMs) {
			openUnknownAfter(last, next.at);
			current = { status: next.status, from: next.at, to: null };
		} else if (next.status !== current.status) {
			periods.push({ ...current, to: next.at });
			current = { status: next.status, from: next.at, to: null };
		}
		last = next;
	}
	if (now.getTime() - last.at.getTime() > staleMs) openUnknownAfter(last, null);
	else periods.push(current);
	return periods;
}

export interface StoredPeriod extends Period {
	id: number;
}

export interface TimelineSplice {
	/** The stored period that reaches the rebuilt range, with its new end (or null to keep it). */
	extend: { id: number; to: Date | null } | null;
	insert: Period[];
}

/**
 * Joins a rebuilt stretch of timeline to the stored period that reaches its start: the same
 * state continues that period, another state ends it where the rebuilt stretch begins.
 */
export function spliceTimeline(reaching: StoredPeriod | null, rebuilt: Period[]): TimelineSplice {
	if (rebuilt.length === 0) return { extend: null, insert: [] };
	if (!reaching) return { extend: null, insert: rebuilt };
	const [first, ...rest] = rebuilt;
	if (first.status === reaching.status) {
		const unchanged = sameInstant(reaching.to, first.to);
		return { extend: unchanged ? null : { id: reaching.id, to: first.to }, insert: rest };
	}
	const unchanged = sameInstant(reaching.to, first.from);
	return { extend: unchanged ? null : { id: reaching.id, to: first.from }, insert: rebuilt };
}

function sameInstant(a: Date | null, b: Date | null): boolean {
	return a === null || b === null ? a === b : a.getTime() === b.getTime();
}
