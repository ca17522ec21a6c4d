import {
	addBusinessDays,
	addOpenMinutes,
	elapsedOpenFraction,
	type BusinessCalendar
} from '../calendar/business-calendar';
import type { Deadline, Duration } from '../contracts/settings';
import { DEADLINE_STATES, type DeadlineState } from '../../domain/incidents';

export { DEADLINE_STATES, type DeadlineState };

const MINUTES = { minutes: 1, hours: 60, days: 1440 } as const;

/**
 * When a duration that starts at `start` ends (000 §2). Calendar clock: plain elapsed time.
 * Business clock: minutes and hours consume only open time (a start while closed waits for
 * the next opening); `N days` is the same clock time on the N-th following business day,
 * moved to the next opening when that moment is closed. Business days are whole: a
 * fraction is rounded up.
 */
export function deadlineAfter(
	start: Date,
	duration: Duration,
	clock: Deadline['clock'],
	support: BusinessCalendar
): Date {
	if (clock === 'calendar')
		return new Date(start.getTime() + duration.amount * MINUTES[duration.unit] * 60_000);
	if (duration.unit === 'days') return addBusinessDays(support, start, Math.ceil(duration.amount));
	return addOpenMinutes(support, start, duration.amount * MINUTES[duration.unit]);
}

export interface IncidentDeadlines {
	acknowledgeBy: Date;
	resolveBy: Date;
}

/** Both deadlines of a report, from the contract's rule for its severity. */
export function incidentDeadlines(
	reportedAt: Date,
	rule: Deadline,
	support: BusinessCalendar
): IncidentDeadlines {
	return {
		acknowledgeBy: deadlineAfter(reportedAt, rule.acknowledge, rule.clock, support),
		resolveBy: deadlineAfter(reportedAt, rule.resolve, rule.clock, support)
	};
}

/**
 * A deadline's state: `met` or `breached` once done (or once passed), else `at_risk` when
 * at least `atRiskPercent` of the allowed time is used (open time on the business clock).
 */
export function deadlineState(input: {
	start: Date;
	deadline: Date;
	doneAt: Date | null;
	now: Date;
	clock: Deadline['clock'];
	support: BusinessCalendar;
	atRiskPercent: number;
}): DeadlineState {
	const { start, deadline, doneAt, now } = input;
	if (doneAt) return doneAt.getTime() <= deadline.getTime() ? 'met' : 'breached';
	if (now.getTime() > deadline.getTime()) return 'breached';
	const used =
		input.clock === 'business'
			? elapsedOpenFraction(input.support, start, deadline, now)
			: (now.getTime() - start.getTime()) / Math.max(1, deadline.getTime() - start.getTime());
	return used * 100 >= input.atRiskPercent ? 'at_risk' : 'on_track';
}

/** `INC-<year>-<5 digits>`: the number the client keeps in its register (002 art. 4.2). */
export function incidentNumber(year: number, sequence: number): string {
	return `INC-${year}-${String(sequence).padStart(5, '0')}`;
}
