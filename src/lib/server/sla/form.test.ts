import { describe, expect, it } from 'vitest';
import { maintenanceInputFromForm, qualificationInputFromForm } from './form';

function form(entries: [string, string][]) {
	const data = new FormData();
	for (const [k, v] of entries) data.append(k, v);
	return data;
}

describe('SLA staff forms', () => {
	it("reads maintenance times on the client's wall clock, optional times absent when empty", () => {
		const input = maintenanceInputFromForm(
			form([
				['components', 'erp-1'],
				['components', 'vpn'],
				['start', '2026-10-12T20:00'],
				['end', '2026-10-12T22:00'],
				['title', ' Mise à jour ERP '],
				['announcedAt', '2026-10-01T09:30'],
				['approvedAt', '']
			]),
			'Europe/Paris'
		);
		expect(input).toEqual({
			components: ['erp-1', 'vpn'],
			start: '2026-10-12T18:00:00.000Z',
			end: '2026-10-12T20:00:00.000Z',
			title: 'Mise à jour ERP',
			announcedAt: '2026-10-01T07:30:00.000Z',
			approvedAt: undefined
		});
	});

	it('reads a qualification in winter time, and passes a malformed time through for validation', () => {
		const input = qualificationInputFromForm(
			form([
				['component', 'erp'],
				['start', '2026-11-03T09:00'],
				['end', 'soon'],
				['cause', 'client'],
				['note', 'Coupure électrique chez le client']
			]),
			'Europe/Paris'
		);
		expect(input.start).toBe('2026-11-03T08:00:00.000Z');
		expect(input.end).toBe('soon');
		expect(input.cause).toBe('client');
	});
});
