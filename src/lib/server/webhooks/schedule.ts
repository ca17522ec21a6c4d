/**
 * When a failed delivery is tried again: exponential back-off from 30 s (so the first retry comes
 * within a minute), doubling to at most an hour, until 24 h after the event; then it is given up.
 */
export const RETRY_BASE_MS = 30_000;
export const RETRY_MAX_MS = 3_600_000;
export const GIVE_UP_AFTER_MS = 24 * 3_600_000;
/** One attempt waits at most this long for the receiver. */
export const REQUEST_TIMEOUT_MS = 10_000;
/** A claim leases the delivery this long: longer than one attempt can last. */
export const LEASE_MS = 60_000;

/** The wait after the `attempts`-th failed attempt (1 = the first). */
export function retryDelayMs(attempts: number): number {
	const n = Math.max(1, Math.floor(attempts));
	return Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(n - 1, 20));
}

/** After a failure at `now`: the next attempt, or null when it would fall past the give-up time. */
export function nextAttemptAt(attempts: number, now: Date, giveUpAt: Date): Date | null {
	const next = new Date(now.getTime() + retryDelayMs(attempts));
	return next > giveUpAt ? null : next;
}

/** The attempts a delivery that always fails gets, as offsets from its first attempt (for docs and tests). */
export function attemptOffsets(): number[] {
	const offsets = [0];
	for (let n = 1; ; n++) {
		const next = offsets[n - 1] + retryDelayMs(n);
		if (next > GIVE_UP_AFTER_MS) return offsets;
		offsets.push(next);
	}
}
