import type { Incident } from '../db/schema';
import type { ContractRules } from './context';
import { deadlineState, type DeadlineState } from './deadlines';

export interface DeadlineStates {
	acknowledgeState: DeadlineState;
	resolveState: DeadlineState;
	/** Unresolved beyond the contract's limit: a standby server is due (000 §1.6). */
	standbyServerDue: boolean;
}

/** The live states of a report's deadlines, as of `now`. */
export function deadlineStates(row: Incident, rules: ContractRules, now: Date): DeadlineStates {
	const rule = rules.settings.incidents[row.severity];
	const common = {
		start: row.reportedAt,
		now,
		clock: rule.clock,
		support: rules.support,
		atRiskPercent: rules.settings.incidents.atRiskPercent
	};
	const standbyHours = rules.settings.incidents.standbyServerAfterHours;
	const unresolved = row.status === 'open' || row.status === 'acknowledged';
	return {
		acknowledgeState: deadlineState({
			...common,
			deadline: row.acknowledgeBy,
			doneAt: row.acknowledgedAt
		}),
		resolveState: deadlineState({ ...common, deadline: row.resolveBy, doneAt: row.resolvedAt }),
		standbyServerDue:
			unresolved &&
			standbyHours !== null &&
			now.getTime() - row.reportedAt.getTime() > standbyHours * 3_600_000
	};
}
