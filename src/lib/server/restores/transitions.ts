/** The restore workflow as a pure state machine (see RESTORE_STATUSES for the picture). */
import type { RestoreStatus, RestoreStep } from '../../domain/restores';

const WORKABLE: readonly RestoreStatus[] = [
	'accepted',
	'quote_approved',
	'scheduled',
	'in_progress'
];

/** The states each step may start from. */
export const STEP_FROM: Record<RestoreStep, readonly RestoreStatus[]> = {
	accept: ['filed'],
	quote: ['filed'],
	'approve-quote': ['quoted'],
	'refuse-quote': ['quoted'],
	schedule: ['accepted', 'quote_approved', 'scheduled'],
	progress: WORKABLE,
	complete: WORKABLE,
	fail: WORKABLE,
	// "before work starts": once in progress, only staff end it (completed or failed).
	cancel: ['filed', 'quoted', 'accepted', 'quote_approved', 'scheduled']
};

export const STEP_TO: Record<RestoreStep, RestoreStatus> = {
	accept: 'accepted',
	quote: 'quoted',
	'approve-quote': 'quote_approved',
	'refuse-quote': 'quote_refused',
	schedule: 'scheduled',
	progress: 'in_progress',
	complete: 'completed',
	fail: 'failed',
	cancel: 'cancelled'
};

export type StepRefusal = 'wrong_state' | 'quote_needed' | 'not_billable';

/**
 * The status a step leads to, or why it cannot be taken now: a request that needs a quote
 * (003 art. 5) is quoted, never accepted outright; one that is not billed is never quoted.
 */
export function stepOutcome(
	current: { status: RestoreStatus; needsQuote: boolean; billable: boolean },
	step: RestoreStep
): { status: RestoreStatus } | { refused: StepRefusal } {
	if (!STEP_FROM[step].includes(current.status)) return { refused: 'wrong_state' };
	if (step === 'accept' && current.needsQuote) return { refused: 'quote_needed' };
	if (step === 'quote' && !current.billable) return { refused: 'not_billable' };
	return { status: STEP_TO[step] };
}

/** Steps open to this request now, for the pages' forms. */
export function availableSteps(
	current: { status: RestoreStatus; needsQuote: boolean; billable: boolean },
	steps: readonly RestoreStep[]
): RestoreStep[] {
	return steps.filter((s) => 'status' in stepOutcome(current, s));
}

/** Whether the request still waits on someone (the job watches its deadline). */
export const isOpenRestore = (status: RestoreStatus) =>
	!['completed', 'failed', 'cancelled', 'quote_refused'].includes(status);
