import { describe, expect, it } from 'vitest';
import { supportCalendar } from '../calendar/business-calendar';
import { PRESETS } from '../contracts/presets';
import {
	assessNotice,
	maintenanceCompliance,
	type MaintenanceNonCompliance,
	type MaintenanceTimes
} from './compliance';
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

describe('000 §1.4: the 48 business hours are support hours minus public holidays', () => {
	const notice = (preset: keyof typeof PRESETS, m: MaintenanceTimes, settings = {}) =>
		assessNotice(
			m,
			{ ...PRESETS[preset].maintenance, ...settings },
			supportCalendar(PRESETS[preset].support, PARIS),
			PARIS
		);
	// softconcept (000 §1.5): Mon–Thu 7.75 h, Fri 6.75 h; French holidays closed.
	const cases: [string, string, string, MaintenanceNonCompliance[]][] = [
		// Fri 6 Nov → Mon 16 Nov 22:00: 6.75 + 7.75 + 7.75 + 0 (Wed 11 Nov) + 7.75 + 6.75 + 7.75 = 44.5 h.
		[
			'Armistice (Wed 11 Nov) is not a business day',
			'2026-11-06 09:00',
			'2026-11-16 22:00',
			['notice_too_short']
		],
		// One more Thursday: 52.25 h.
		['the same notice one day earlier suffices', '2026-11-05 09:00', '2026-11-16 22:00', []],
		// Fri 23 Oct 09:00 CEST + 44.5 h to Fri 30 Oct, + 3.25 + 0.25 on Mon 2 Nov: 48 h at 13:45 CET.
		[
			'across the October DST change, 48 h fall at 13:45 wall clock',
			'2026-10-23 09:00',
			'2026-11-02 13:45',
			[]
		],
		['a minute earlier is short', '2026-10-23 09:00', '2026-11-02 13:44', ['notice_too_short']],
		// Fri 27 Mar 09:00 CET: 6.75 + 4 × 7.75 (30 Mar–2 Apr, after the spring change) + 6.75 = 44.5 h; Mon 6 Apr is Easter Monday.
		['across the March DST change and Easter Monday', '2026-03-27 09:00', '2026-04-07 13:45', []],
		['…to the minute', '2026-03-27 09:00', '2026-04-07 13:44', ['notice_too_short']]
	];
	it.each(cases)('%s', (_, announced, start, reasons) => {
		const s = paris(start);
		const m = { start: s, end: new Date(s.getTime() + 30 * 60_000), announcedAt: paris(announced) };
		expect(notice('softconcept', m).reasons).toEqual(reasons);
	});

	it('lists every rule a window breaks, not only the first', () => {
		const s = paris('2026-11-24 22:00');
		const long = {
			start: s,
			end: paris('2026-11-25 00:00'),
			announcedAt: paris('2026-11-20 09:00')
		};
		expect(
			notice('softconcept', { ...long, network: true }, { networkNoticeCalendarDays: 8 })
		).toEqual({
			reasons: ['network_notice_too_short', 'approval_missing'],
			needsApproval: true
		});
		expect(notice('softconcept', { ...long, end: paris('2026-11-24 22:30') })).toEqual({
			reasons: ['notice_too_short'],
			needsApproval: false
		});
	});

	it('001 §5.5: calendar days of the client, unmoved by the October DST change', () => {
		const m = { start: paris('2026-10-25 01:00'), end: paris('2026-10-25 05:00'), network: true };
		expect(notice('alteo', { ...m, announcedAt: paris('2026-10-17 23:30') }).reasons).toEqual([]);
		expect(notice('alteo', { ...m, announcedAt: paris('2026-10-18 00:10') }).reasons).toEqual([
			'network_notice_too_short'
		]);
		expect(
			notice('alteo', { ...m, announcedAt: paris('2026-10-24 09:00'), network: false })
		).toEqual({
			reasons: [],
			needsApproval: false
		});
	});
});
