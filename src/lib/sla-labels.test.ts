import { describe, expect, it } from 'vitest';
import {
	coverageText,
	formatAvailability,
	formatMinutes,
	formatPeriodDays,
	shiftMonth,
	weeklySummary
} from './sla-labels';

const closed: [string, string][] = [];
const office: [string, string][] = [['08:00', '18:00']];
const week = {
	mon: office,
	tue: office,
	wed: office,
	thu: office,
	fri: office,
	sat: closed,
	sun: closed
};

describe('SLA labels', () => {
	it('summarises a Mon–Fri schedule in one range (004 art. 6 coverage)', () => {
		expect(weeklySummary(week, 'fr')).toBe('lun.–ven. 08:00–18:00');
		expect(weeklySummary(week, 'en')).toBe('Mon–Fri 08:00–18:00');
	});

	it('keeps days with other hours apart, and skips closed days', () => {
		const short: [string, string][] = [
			['09:00', '12:15'],
			['13:30', '17:00']
		];
		expect(weeklySummary({ ...week, fri: short, sat: [['09:00', '12:00']] }, 'en')).toBe(
			'Mon–Thu 08:00–18:00; Fri 09:00–12:15, 13:30–17:00; Sat 09:00–12:00'
		);
	});

	it('says which public holidays are left out of a schedule', () => {
		const text = coverageText(
			{ mode: 'schedule', weekly: week, publicHolidays: 'fr', closedDays: [] },
			'fr'
		);
		expect(text).toMatch(/^lun\.–ven\. 08:00–18:00, hors /);
		expect(
			coverageText({ mode: 'schedule', weekly: week, publicHolidays: 'none', closedDays: [] }, 'fr')
		).toBe('lun.–ven. 08:00–18:00');
		expect(coverageText({ mode: '24x7' }, 'fr')).not.toBe('');
	});

	it('moves across years and shows the floored figure with its 3 decimals', () => {
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
		expect(shiftMonth('2026-12', 1)).toBe('2027-01');
		expect(formatAvailability(99.8, 'en')).toBe('99.800');
		expect(formatAvailability(99.849, 'fr')).toBe('99,849');
	});

	it('shows whole minutes (the API and the CSV keep the exact values)', () => {
		expect(formatMinutes(397_166.18, 'fr')).toBe('397\u202f166');
		expect(formatMinutes(60.5, 'en')).toBe('61');
		expect(formatMinutes(0.4, 'fr')).toBe('0');
	});

	it("states a period's first and last days on the client's wall clock", () => {
		const june = { start: '2026-05-31T22:00:00.000Z', end: '2026-06-30T22:00:00.000Z' };
		expect(formatPeriodDays(june, 'Europe/Paris', 'fr')).toEqual({
			from: '1 juin 2026',
			to: '30 juin 2026'
		});
		expect(formatPeriodDays(june, 'Europe/Paris', 'en')).toEqual({
			from: '1 June 2026',
			to: '30 June 2026'
		});
	});
});
