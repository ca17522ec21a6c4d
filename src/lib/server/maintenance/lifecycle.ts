/**
 * A maintenance window's life, as pure rules. Staff decide draft, published and cancelled; in
 * progress and completed follow the clock from a published window's start and end, so they are
 * never stale and need no job. Its assessment joins the notice rules (compliance.ts) and the
 * discouraged slots (slots.ts).
 */
import { supportCalendar } from '../calendar/business-calendar';
import type { ContractSettings } from '../contracts/settings';
import {
	assessNotice,
	defaultKind,
	type MaintenanceKind,
	type MaintenanceNonCompliance
} from './compliance';
import { discouragedSlots, type SlotWarning } from './slots';

export const STORED_STATES = ['draft', 'published', 'cancelled'] as const;
export type StoredState = (typeof STORED_STATES)[number];
export const MAINTENANCE_STATES = [
	'draft',
	'published',
	'in_progress',
	'completed',
	'cancelled'
] as const;
export type MaintenanceState = (typeof MAINTENANCE_STATES)[number];

export type Decision = 'approved' | 'refused';
export const APPROVAL_STATES = ['not_needed', 'pending', 'approved', 'refused'] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

/** What a window holds of its own, as stored. */
export interface WindowRecord {
	state: StoredState;
	kind: MaintenanceKind | null;
	start: Date;
	end: Date;
	announcedAt: Date | null;
	approval: Decision | null;
	approvalAt: Date | null;
}

export interface WindowAssessment {
	compliant: boolean;
	reasons: MaintenanceNonCompliance[];
	warnings: SlotWarning[];
	needsApproval: boolean;
}

export function maintenanceState(
	w: Pick<WindowRecord, 'state' | 'start' | 'end'>,
	now: Date
): MaintenanceState {
	if (w.state !== 'published') return w.state;
	if (now >= w.end) return 'completed';
	return now >= w.start ? 'in_progress' : 'published';
}

export const approvalState = (decision: Decision | null, needed: boolean): ApprovalState =>
	decision ?? (needed ? 'pending' : 'not_needed');

export const kindOf = (w: Pick<WindowRecord, 'kind'>, settings: ContractSettings['maintenance']) =>
	w.kind ?? defaultKind(settings);

/**
 * The window measured against its contract. A draft is measured as if published `now`, which is
 * what staff see before publishing. Only an approval is an agreement: a refusal leaves a window
 * that needs one non-compliant (000 §1.4), so it cannot start as compliant.
 */
export function assessWindow(
	w: WindowRecord,
	settings: Pick<ContractSettings, 'maintenance' | 'support'>,
	timeZone: string,
	now: Date
): WindowAssessment {
	const support = supportCalendar(settings.support, timeZone);
	const { reasons, needsApproval } = assessNotice(
		{
			start: w.start,
			end: w.end,
			announcedAt: w.announcedAt ?? now,
			approvedAt: w.approval === 'approved' ? w.approvalAt : null,
			network: kindOf(w, settings.maintenance) === 'network'
		},
		settings.maintenance,
		support,
		timeZone
	);
	return {
		compliant: reasons.length === 0,
		reasons,
		warnings: discouragedSlots(w, settings, support, timeZone),
		needsApproval
	};
}

export type Refusal = 'not_editable' | 'not_pending' | 'already_started';

/** Staff edit or cancel a window until it is over; a cancelled one stays as it was. */
export function editRefusal(w: WindowRecord, now: Date): Refusal | null {
	const state = maintenanceState(w, now);
	return state === 'completed' || state === 'cancelled' ? 'not_editable' : null;
}

/** The client decides once, on a published window that needs its agreement, before it starts. */
export function decisionRefusal(
	w: WindowRecord,
	a: Pick<WindowAssessment, 'needsApproval'>,
	now: Date
): Refusal | null {
	if (w.state !== 'published' || !a.needsApproval || w.approval !== null) return 'not_pending';
	return now >= w.start ? 'already_started' : null;
}
