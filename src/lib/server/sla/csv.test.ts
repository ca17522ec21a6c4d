import { describe, expect, it } from 'vitest';
import { computeSla } from './availability';
import { slaCsv } from './csv';
import { monthInput, paris, WEB } from './testing';

describe('SLA report CSV', () => {
	it('lists the figures, each exclusion with its reason and note, what does not count and why, and the components', () => {
		const input = monthInput('axantis', '2026-10', {
			stretches: { [WEB.id]: [[paris('2026-10-14 09:00'), paris('2026-10-14 11:00'), 'down']] },
			qualifications: [{ id: 'q1', componentId: WEB.id, start: paris('2026-10-14 09:00'), end: paris('2026-10-14 09:30'), cause: 'client' }],
			maintenances: [
				{ id: 'm1', componentIds: [WEB.id], start: paris('2026-10-15 14:00'), end: paris('2026-10-15 14:20'), announcedAt: paris('2026-10-15 13:00') }
			],
			monthlyFeeCents: 480_000
		});
		const report = JSON.parse(JSON.stringify(computeSla(input)));
		const figures = { month: '2026-10', periodKey: '2026-10', preset: 'axantis', monthlyFeeCents: 480_000, report, frozen: true, frozenAt: null, reopened: null, noData: false };
		const sources = {
			q1: { text: '=Coupure chez le client', start: '', end: '', announcedAt: null, componentKeys: ['web-1'] },
			m1: { text: 'Redémarrage', start: '2026-10-15T12:00:00.000Z', end: '2026-10-15T12:20:00.000Z', announcedAt: null, componentKeys: ['web-1'] }
		};
		const lines = slaCsv(figures, sources, 'fr').split('\r\n');

		// 004 art. 6: 90 min of downtime in 13 200 covered minutes, the client's 30 min counted as available.
		expect(lines).toContain('"Disponibilité atteinte","99.318"');
		expect(lines).toContain('"Avoir (EUR)","480.00"');
		expect(lines).toContain('"Minutes exclues comptées comme disponibles","30"');
		expect(lines.find((l) => l.startsWith('"2026-10-14T07:00:00.000Z"'))).toBe(
			`"2026-10-14T07:00:00.000Z","2026-10-14T07:30:00.000Z","Cause client","Comptée comme disponible","web-1","30","'=Coupure chez le client"`
		);
		expect(lines.some((l) => l.startsWith('"Maintenance"') && l.includes('Annoncée trop tard'))).toBe(true);
		expect(lines).toContain('"web-1","oui","99.318","90","30","0"');
	});
});
