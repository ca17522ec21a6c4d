import { describe, expect, it } from 'vitest';
import { supportCalendar } from '../calendar/business-calendar';
import { resolveContractSettings, type ContractSettings } from '../contracts/settings';
import { maintenanceCompliance } from './compliance';
import { extensionRefusal, slaParts, windowIdOfSource } from './extension';

const H = 3_600_000;
const start = new Date('2026-12-08T21:00:00Z');
const w = {
	id: 'w1',
	componentIds: ['c1'],
	start,
	end: new Date(start.getTime() + 2 * H),
	plannedEnd: new Date(start.getTime() + H),
	extendedAt: new Date(start.getTime() + 0.5 * H),
	announcedAt: new Date(start.getTime() - 10 * 24 * H),
	approvedAt: null,
	network: false
};

describe('the overrun of an extended window is measured on its own (issue 11 §2)', () => {
	it('splits the window at its planned end; the overrun was announced when extended', () => {
		const [planned, overrun] = slaParts(w);
		expect(planned).toMatchObject({ id: 'w1', end: w.plannedEnd, announcedAt: w.announcedAt });
		expect(overrun).toMatchObject({
			id: 'w1:overrun',
			start: w.plannedEnd,
			end: w.end,
			announcedAt: w.extendedAt
		});
		expect(windowIdOfSource(overrun.id)).toBe('w1');
		expect(slaParts({ ...w, plannedEnd: null, extendedAt: null })).toHaveLength(1);
	});

	it('softconcept (000 §1.4: 48 business hours): the planned hour is compliant, its overrun is not', () => {
		const r = resolveContractSettings('softconcept', {});
		const settings = (r as { settings: ContractSettings }).settings;
		const support = supportCalendar(settings.support, 'Europe/Paris');
		const [planned, overrun] = slaParts(w).map((p) =>
			maintenanceCompliance(p, settings.maintenance, support, 'Europe/Paris')
		);
		expect(planned.compliant).toBe(true);
		expect(overrun).toEqual({ compliant: false, reason: 'notice_too_short' });
	});

	it('extends only a running window, only later', () => {
		const running = { state: 'published', start, end: w.plannedEnd };
		const now = new Date(start.getTime() + 0.5 * H);
		expect(extensionRefusal(running, w.end, now)).toBeNull();
		expect(extensionRefusal(running, start, now)).toBe('not_later');
		expect(extensionRefusal(running, w.end, new Date(start.getTime() - H))).toBe('not_running');
		expect(extensionRefusal({ ...running, state: 'cancelled' }, w.end, now)).toBe('not_running');
	});
});
