import { describe, expect, it } from 'vitest';
import { computeSla } from './availability';
import { slaCsv } from './csv';
import { contractYearPeriod } from './period';
import { monthInput, PARIS, paris, WEB } from './testing';

describe('SLA report CSV', () => {
	it('lists the figures, each exclusion with its reason and note, what does not count and why, and the components', () => {
		const input = monthInput('axantis', '2026-10', {
			stretches: { [WEB.id]: [[paris('2026-10-14 09:00'), paris('2026-10-14 11:00'), 'down']] },
			qualifications: [
				{
					id: 'q1',
					componentId: WEB.id,
					start: paris('2026-10-14 09:00'),
					end: paris('2026-10-14 09:30'),
					cause: 'client'
				}
			],
			maintenances: [
				{
					id: 'm1',
					componentIds: [WEB.id],
					start: paris('2026-10-15 14:00'),
					end: paris('2026-10-15 14:20'),
					announcedAt: paris('2026-10-15 13:00')
				}
			],
			monthlyFeeCents: 480_000
		});
		const report = JSON.parse(JSON.stringify(computeSla(input)));
		const figures = {
			month: '2026-10',
			periodKey: '2026-10',
			preset: 'axantis',
			monthlyFeeCents: 480_000,
			report,
			frozen: true,
			status: 'frozen' as const,
			frozenAt: null,
			reopened: null,
			noData: false,
			monthly: null,
			beforeCommissioning: false,
			commissionedAt: null
		};
		const sources = {
			q1: {
				text: '=Coupure chez le client',
				start: '',
				end: '',
				announcedAt: null,
				componentKeys: ['web-1']
			},
			m1: {
				text: 'Redémarrage',
				start: '2026-10-15T12:00:00.000Z',
				end: '2026-10-15T12:20:00.000Z',
				announcedAt: null,
				componentKeys: ['web-1']
			}
		};
		const lines = slaCsv(figures, sources, 'fr').split('\r\n');

		// 004 art. 6: 90 min of downtime in 13 200 covered minutes, the client's 30 min counted as available.
		const month = 'Mois 2026-10 (2026-10-01 – 2026-10-31)';
		expect(lines).toContain('"Élément","Valeur","Période"');
		expect(lines).toContain(`"Disponibilité atteinte","99.318","${month}"`);
		expect(lines).toContain(`"Avoir (EUR)","480.00","${month}"`);
		expect(lines).toContain(`"Minutes exclues comptées comme disponibles","30","${month}"`);
		expect(lines).toContain(`"Début de période","2026-09-30T22:00:00.000Z","${month}"`);
		expect(lines).toContain(`"Statut","Figée","${month}"`);
		expect(lines.find((l) => l.startsWith('"2026-10-14T07:00:00.000Z"'))).toBe(
			`"2026-10-14T07:00:00.000Z","2026-10-14T07:30:00.000Z","Cause client","Comptée comme disponible","web-1","30","'=Coupure chez le client"`
		);
		expect(
			lines.some((l) => l.startsWith('"Maintenance"') && l.includes('Annoncée trop tard'))
		).toBe(true);
		expect(lines).toContain('"web-1","oui","99.318","90","30","0"');
	});

	it("under a contract year, labels each figure with its period: the month's own, then the judged contract year", () => {
		const own = monthInput('alteo', '2026-06', {
			stretches: { [WEB.id]: [[paris('2026-06-10 09:00'), paris('2026-06-10 10:00:30'), 'down']] }
		});
		const year = {
			...own,
			period: contractYearPeriod(new Date('2025-03-01T00:00:00+01:00'), own.period.start, PARIS),
			asOf: paris('2026-11-22 10:00')
		};
		const json = (input: typeof own) => ({
			...JSON.parse(JSON.stringify(computeSla(input))),
			gtr: null
		});
		const monthReport = json(own);
		const figures = {
			month: '2026-06',
			periodKey: 'year-2026-03',
			preset: 'alteo',
			monthlyFeeCents: 250_000,
			report: json(year),
			frozen: false,
			status: 'running' as const,
			frozenAt: null,
			reopened: null,
			noData: false,
			monthly: {
				period: monthReport.period,
				status: 'closed' as const,
				noData: false,
				report: monthReport
			},
			beforeCommissioning: false,
			commissionedAt: '2025-02-28T23:00:00.000Z'
		};
		const lines = slaCsv(figures, {}, 'fr').split('\r\n');
		const month = 'Mois 2026-06 (2026-06-01 – 2026-06-30)';
		const contract = 'Année contractuelle (2026-03-01 – 2027-02-28)';
		expect(lines).toContain(`"Disponibilité atteinte","${monthReport.availability}","${month}"`);
		expect(lines).toContain(`"Statut","Terminée","${month}"`);
		// Exact minutes in the CSV: the outage lasted 60.5 minutes.
		expect(lines).toContain(`"Minutes d'indisponibilité comptées","60.5","${month}"`);
		expect(lines).toContain(
			`"Disponibilité atteinte","${figures.report.availability}","${contract}"`
		);
		expect(lines).toContain(`"Statut","En cours","${contract}"`);
		// Met or missed and the credit belong to the judged contract year only.
		expect(lines.filter((l) => l.startsWith('"État"'))).toEqual([
			expect.stringContaining(contract)
		]);
		expect(lines.filter((l) => l.startsWith('"Avoir (EUR)"'))).toEqual([
			expect.stringContaining(contract)
		]);
	});
});
