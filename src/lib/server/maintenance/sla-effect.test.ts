import { describe, expect, it } from 'vitest';
import { slaEffect } from './sla-effect';

describe('slaEffect: only a compliant window is excluded (000 §1.4, 001 §5.5)', () => {
	it.each([
		[{ compliant: true, reasons: [] }, undefined, 'excluded'],
		[{ compliant: true, reasons: [] }, 'approved', 'excluded'],
		// Waiting for the agreement of a window over 1 h (000 §1.4): excluded once given in time.
		[{ compliant: false, reasons: ['approval_missing'] }, undefined, 'excluded_once_approved'],
		[{ compliant: false, reasons: ['approval_missing'] }, 'pending', 'excluded_once_approved'],
		// Refused: never an agreement, the window counts.
		[{ compliant: false, reasons: ['approval_missing'] }, 'refused', 'counted'],
		[{ compliant: false, reasons: ['notice_too_short', 'approval_missing'] }, 'pending', 'counted'],
		[{ compliant: false, reasons: ['network_notice_too_short'] }, 'not_needed', 'counted']
	] as const)('%o, approval %s → %s', (a, approval, expected) => {
		expect(slaEffect({ compliant: a.compliant, reasons: [...a.reasons] }, approval)).toBe(expected);
	});

	it('a window that started without the agreement it needed counts', () => {
		expect(slaEffect({ compliant: false, reasons: ['approval_missing'] }, 'pending', false)).toBe(
			'counted'
		);
	});
});
