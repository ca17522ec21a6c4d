import type { ApprovalState, WindowAssessment } from './lifecycle';

/** What publishing will do for SLA purposes (000 §1.4, 001 §5.5: only a compliant window is excluded). */
export type SlaEffect = 'excluded' | 'counted' | 'excluded_once_approved';

/**
 * `approval` is the client's decision so far (none yet in a preview); `decidable` says whether it
 * may still come: once a window starts without it, it counts.
 */
export function slaEffect(
	a: Pick<WindowAssessment, 'compliant' | 'reasons'>,
	approval?: ApprovalState,
	decidable = true
): SlaEffect {
	if (a.compliant) return 'excluded';
	const awaiting = decidable && (approval === undefined || approval === 'pending');
	return awaiting && a.reasons.length === 1 && a.reasons[0] === 'approval_missing'
		? 'excluded_once_approved'
		: 'counted';
}
