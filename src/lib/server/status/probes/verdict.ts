import type { SampleStatus } from '../../../domain/status';

export interface CheckResult {
	ok: boolean;
	latencyMs: number;
	/** A stable code, `kind` or `kind:detail` (see $lib/probe-labels), translated where shown. */
	error?: string;
}

export interface ProbeState {
	consecutiveFailures: number;
	/** The last confirmed status; null before the first run. */
	lastStatus: SampleStatus | null;
}

export interface VerdictRules {
	failuresBeforeDown: number;
	degradedAboveMs: number | null;
}

export interface Verdict {
	status: SampleStatus;
	consecutiveFailures: number;
}

/**
 * A failure only turns the component `down` once `failuresBeforeDown` happen in a row; until
 * then the sample repeats the last confirmed status, so one lost packet changes nothing.
 * A success resets the count and is `degraded` when slower than the threshold.
 */
export function verdict(state: ProbeState, result: CheckResult, rules: VerdictRules): Verdict {
	if (!result.ok) {
		const consecutiveFailures = state.consecutiveFailures + 1;
		const confirmed = consecutiveFailures >= rules.failuresBeforeDown;
		return { status: confirmed ? 'down' : (state.lastStatus ?? 'up'), consecutiveFailures };
	}
	const slow = rules.degradedAboveMs !== null && result.latencyMs > rules.degradedAboveMs;
	return { status: slow ? 'degraded' : 'up', consecutiveFailures: 0 };
}
