import { describe, expect, it } from 'vitest';
import { coverageText, formatAvailability, shiftMonth, weeklySummary } from './sla-labels';

const closed: [string, string][] = [];
const office: [string, string][] = [['08:00', '18:00']];
const week = { mon: office, tue: office, wed: office, thu: office, fri: office, sat: closed, sun: closed };

describe('SLA labels', () => {
	it('summarises a Mon–Fri schedule in one range (004 art. 6 coverage)', () => {
		expect(weeklySummary(week, 'fr')).toBe('lun.–ven. 08:00–18:00');
		expect(weeklySummary(week, 'en')).toBe('Mon–Fri 08:00–18:00');
	});

	it('keeps days with other hours apart, and skips closed days', () => {
		const short: [string, string][] = [['09:00', '12:15'], ['13:30', '17:00']];
		expect(weeklySummary({ ...week, fri: short, sat: [['09:00', '12:00']] }, 'en')).toBe(
			'Mon–Thu 08:00–18:00; Fri 09:00–12:15, 13:30–17:00; Sat 09:00–12:00'
		);
	});

	it('says which public holidays are left out of a schedule', () => {
		const text = coverageText({ mode: 'schedule', weekly: week, publicHolidays: 'fr', closedDays: [] }, 'fr');
		expect(text).toMatch(/^lun\.–ven\. 08:00–18:00, hors /);
		expect(coverageText({ mode: 'schedule', weekly: week, publicHolidays: 'none', closedDays: [] }, 'fr')).toBe('lun.–ven. 08:00–18:00');
		expect(coverageText({ mode: '24x7' }, 'fr')).not.toBe('');
	});

	it('moves across years and shows the floored figure with its 3 decimals', () => {
		expect(shiftMonth('2026-01', -1)).toBe('2025-12');
		expect(shiftMonth('2026-12', 1)).toBe('2027-01');
		expect(formatAvailability(99.8, 'en')).toBe('99.800');
		expect(formatAvailability(99.849, 'fr')).toBe('99,849');
	});
});
