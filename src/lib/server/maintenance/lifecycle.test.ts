import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import { PARIS, paris } from '../sla/testing';
import {
	approvalState,
	assessWindow,
	decisionRefusal,
	editRefusal,
	maintenanceState,
	type WindowRecord
} from './lifecycle';

const start = paris('2026-11-24 22:00');
const end = paris('2026-11-25 00:00');
const base: WindowRecord = {
	state: 'published',
	kind: 'planned',
	start,
	end,
	announcedAt: paris('2026-11-16 09:00'),
	approval: null,
	approvalAt: null
};
const assess = (w: Partial<WindowRecord>, now = paris('2026-11-20 10:00')) =>
	assessWindow({ ...base, ...w }, PRESETS.softconcept, PARIS, now);

describe('states: staff decide draft, published, cancelled; the clock moves the rest', () => {
	it.each([
		['draft', '2026-11-24 23:00', 'draft'],
		['cancelled', '2026-11-24 23:00', 'cancelled'],
		['published', '2026-11-24 21:59', 'published'],
		['published', '2026-11-24 22:00', 'in_progress'],
		['published', '2026-11-25 00:00', 'completed']
	] as const)('%s at %s is %s', (state, at, expected) => {
		expect(maintenanceState({ state, start, end }, paris(at))).toBe(expected);
	});

	it('a window that is over or cancelled is no longer edited', () => {
		expect(editRefusal(base, paris('2026-11-24 23:00'))).toBeNull();
		expect(editRefusal(base, paris('2026-11-25 00:00'))).toBe('not_editable');
		expect(editRefusal({ ...base, state: 'cancelled' }, paris('2026-11-20 00:00'))).toBe(
			'not_editable'
		);
	});
});

describe('000 §1.4: the written agreement of a window over 1 h', () => {
	it('pending until decided; only an approval before the start makes it compliant', () => {
		const pending = assess({});
		expect(pending).toMatchObject({ compliant: false, needsApproval: true });
		expect(pending.reasons).toEqual(['approval_missing']);
		expect(approvalState(null, pending.needsApproval)).toBe('pending');
		const approved = assess({ approval: 'approved', approvalAt: paris('2026-11-20 10:00') });
		expect(approved).toMatchObject({ compliant: true, reasons: [] });
		expect(assess({ approval: 'refused', approvalAt: paris('2026-11-20 10:00') })).toMatchObject({
			compliant: false,
			reasons: ['approval_missing']
		});
		expect(approvalState('refused', true)).toBe('refused');
		expect(approvalState(null, false)).toBe('not_needed');
	});

	it('is decided once, on a published window, before it starts', () => {
		const needed = { needsApproval: true };
		const before = paris('2026-11-20 10:00');
		expect(decisionRefusal(base, needed, before)).toBeNull();
		expect(decisionRefusal(base, { needsApproval: false }, before)).toBe('not_pending');
		expect(decisionRefusal({ ...base, state: 'draft' }, needed, before)).toBe('not_pending');
		expect(decisionRefusal({ ...base, approval: 'refused' }, needed, before)).toBe('not_pending');
		expect(decisionRefusal(base, needed, start)).toBe('already_started');
	});
});

describe('assessment of a draft and of the slot', () => {
	it('a draft is measured as if published now', () => {
		const short = { state: 'draft' as const, announcedAt: null, end: paris('2026-11-24 22:30') };
		expect(assess(short, paris('2026-11-16 09:00')).compliant).toBe(true);
		expect(assess(short, paris('2026-11-23 09:00')).reasons).toEqual(['notice_too_short']);
	});

	it('carries the slot warnings beside compliance', () => {
		const day = {
			start: paris('2026-11-24 10:00'),
			end: paris('2026-11-24 10:30'),
			announcedAt: paris('2026-11-10 09:00')
		};
		expect(assess(day)).toEqual({
			compliant: true,
			reasons: [],
			warnings: ['during_business_hours'],
			needsApproval: false
		});
	});

	it('an unsaid kind is the contract default: network works where no business-hour notice is set (alteo)', () => {
		const w = { kind: null, start: paris('2026-11-24 10:00'), end: paris('2026-11-24 10:30') };
		const r = assessWindow(
			{ ...base, ...w, announcedAt: paris('2026-11-20 09:00') },
			PRESETS.alteo,
			PARIS,
			paris('2026-11-20 09:00')
		);
		expect(r.reasons).toEqual(['network_notice_too_short']);
	});
});
