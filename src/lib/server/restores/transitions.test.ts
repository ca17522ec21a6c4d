import { describe, expect, it } from 'vitest';
import { RESTORE_STATUSES, type RestoreStep } from '../../domain/restores';
import { availableSteps, isOpenRestore, stepOutcome } from './transitions';

const free = { needsQuote: false, billable: false };
const quoted = { needsQuote: true, billable: true };

describe('restore workflow', () => {
	it('goes filed → accepted → scheduled → in progress → completed when no quote is needed (000 §1.8)', () => {
		const path: [RestoreStep, string][] = [
			['accept', 'accepted'],
			['schedule', 'scheduled'],
			['progress', 'in_progress'],
			['progress', 'in_progress'],
			['complete', 'completed']
		];
		let status = 'filed' as (typeof RESTORE_STATUSES)[number];
		for (const [step, to] of path) {
			const out = stepOutcome({ ...free, status }, step);
			expect(out, step).toEqual({ status: to });
			status = to as typeof status;
		}
		expect(isOpenRestore(status)).toBe(false);
	});

	it('quotes a heavy billed restore, which the client approves or refuses (003 art. 5)', () => {
		expect(stepOutcome({ ...quoted, status: 'filed' }, 'accept')).toEqual({
			refused: 'quote_needed'
		});
		expect(stepOutcome({ ...quoted, status: 'filed' }, 'quote')).toEqual({ status: 'quoted' });
		expect(stepOutcome({ ...quoted, status: 'quoted' }, 'approve-quote')).toEqual({
			status: 'quote_approved'
		});
		expect(stepOutcome({ ...quoted, status: 'quoted' }, 'refuse-quote')).toEqual({
			status: 'quote_refused'
		});
		expect(stepOutcome({ ...quoted, status: 'quote_approved' }, 'progress')).toEqual({
			status: 'in_progress'
		});
		expect(isOpenRestore('quote_refused')).toBe(false);
	});

	it('never quotes a restore the contract does not bill (000 §1.8)', () => {
		expect(stepOutcome({ ...free, status: 'filed' }, 'quote')).toEqual({ refused: 'not_billable' });
	});

	it('lets the client cancel until work starts, not after', () => {
		for (const status of ['filed', 'quoted', 'accepted', 'quote_approved', 'scheduled'] as const)
			expect(stepOutcome({ ...quoted, status }, 'cancel'), status).toEqual({ status: 'cancelled' });
		for (const status of ['in_progress', 'completed', 'failed', 'cancelled'] as const)
			expect(stepOutcome({ ...quoted, status }, 'cancel'), status).toEqual({
				refused: 'wrong_state'
			});
	});

	it('refuses every step on an ended request', () => {
		for (const status of ['completed', 'failed', 'cancelled', 'quote_refused'] as const)
			expect(
				availableSteps({ ...quoted, status }, [
					'accept',
					'quote',
					'schedule',
					'progress',
					'complete',
					'fail',
					'approve-quote',
					'refuse-quote',
					'cancel'
				]),
				status
			).toEqual([]);
	});

	it('offers staff only the steps the state allows', () => {
		const staff = ['accept', 'quote', 'schedule', 'progress', 'complete', 'fail'] as const;
		expect(availableSteps({ ...free, status: 'filed' }, staff)).toEqual(['accept']);
		expect(availableSteps({ ...quoted, status: 'filed' }, staff)).toEqual(['quote']);
		expect(availableSteps({ ...quoted, status: 'quoted' }, staff)).toEqual([]);
		expect(availableSteps({ ...free, status: 'in_progress' }, staff)).toEqual([
			'progress',
			'complete',
			'fail'
		]);
	});
});
