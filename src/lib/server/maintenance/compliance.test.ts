import { describe, expect, it } from 'vitest';
import { supportCalendar } from '../calendar/business-calendar';
import { PRESETS } from '../contracts/presets';
import { maintenanceCompliance, type MaintenanceTimes } from './compliance';
import { PARIS, paris } from '../sla/testing';

const check = (preset: keyof typeof PRESETS, m: MaintenanceTimes) =>
	maintenanceCompliance(
		m,
		PRESETS[preset].maintenance,
		supportCalendar(PRESETS[preset].support, PARIS),
		PARIS
	);

describe('000 §1.4: 48 business hours of notice, over 1 h only with written agreement', () => {
	// 000 §1.5 support hours: Mon–Thu 09:00–12:15 & 13:30–18:00 (7.75 h), Fri until 17:00 (6.75 h).
	const start = paris('2026-11-24 22:00'); // Tuesday night
	const end = paris('2026-11-24 22:45');

	it('announced 48 business hours before is compliant', () => {
		// From Tue 17 Nov 09:00: Tue–Thu 3 × 7.75 + Fri 6.75 + Mon 7.75 + Tue 7.75 = 45.5 h < 48 h.
		expect(check('softconcept', { start, end, announcedAt: paris('2026-11-17 09:00') })).toEqual({
			compliant: false,
			reason: 'notice_too_short'
		});
		// From Mon 16 Nov 09:00: 45.5 + 7.75 = 53.25 h ≥ 48 h.
		expect(check('softconcept', { start, end, announcedAt: paris('2026-11-16 09:00') })).toEqual({
			compliant: true
		});
	});

	it('the notice counts support hours only: a Friday evening announcement for Monday is too late', () => {
		const m = {
			start: paris('2026-11-23 22:00'),
			end: paris('2026-11-23 22:30'),
			announcedAt: paris('2026-11-20 18:00')
		};
		expect(check('softconcept', m)).toEqual({ compliant: false, reason: 'notice_too_short' });
	});

	it('longer than 1 h needs the client approval recorded before the start, which stands for the notice', () => {
		const long = { start, end: paris('2026-11-25 00:00'), announcedAt: paris('2026-11-23 09:00') };
		expect(check('softconcept', long)).toEqual({ compliant: false, reason: 'approval_missing' });
		expect(check('softconcept', { ...long, approvedAt: paris('2026-11-24 23:00') })).toEqual({
			compliant: false,
			reason: 'approval_missing'
		});
		expect(check('softconcept', { ...long, approvedAt: paris('2026-11-24 10:00') })).toEqual({
			compliant: true
		});
	});

	it('exactly 1 h needs no approval (the clause says "excéder 1 heure")', () => {
		const hour = { start, end: paris('2026-11-24 23:00'), announcedAt: paris('2026-11-10 09:00') };
		expect(check('softconcept', hour)).toEqual({ compliant: true });
	});

	it('an announcement at or after the start is never planned maintenance', () => {
		expect(check('softconcept', { start, end, announcedAt: start })).toEqual({
			compliant: false,
			reason: 'not_announced_before_start'
		});
		expect(
			check('softconcept', { start: end, end: start, announcedAt: paris('2026-11-01 09:00') })
		).toEqual({
			compliant: false,
			reason: 'invalid_window'
		});
	});
});

describe('001 §5.5: network works announced 8 calendar days before the date', () => {
	const start = paris('2026-11-24 10:00');
	const end = paris('2026-11-24 12:00');

	it('counts calendar dates in the client timezone, not 24-hour days', () => {
		expect(check('alteo', { start, end, announcedAt: paris('2026-11-16 23:59') })).toEqual({
			compliant: true
		});
		expect(check('alteo', { start, end, announcedAt: paris('2026-11-17 00:00') })).toEqual({
			compliant: false,
			reason: 'network_notice_too_short'
		});
	});

	it('applies to unflagged maintenance when the contract sets no business-hour notice (alteo)', () => {
		expect(check('alteo', { start, end, announcedAt: paris('2026-11-20 09:00') }).reason).toBe(
			'network_notice_too_short'
		);
		expect(
			check('alteo', { start, end, announcedAt: paris('2026-11-20 09:00'), network: false })
		).toEqual({
			compliant: true
		});
	});

	it('does not apply where the contract has no calendar-day notice (axantis: 48 business hours)', () => {
		const m = { start, end, announcedAt: paris('2026-11-16 09:00'), network: true };
		expect(check('axantis', m)).toEqual({ compliant: true });
		expect(check('axantis', { ...m, announcedAt: paris('2026-11-20 09:00') }).reason).toBe(
			'notice_too_short'
		);
	});
});
