import { describe, expect, it } from 'vitest';
import { computeSla } from './availability';
import { DB, WEB, monthInput, paris } from './testing';

describe('softconcept (000 §2: 95 % monthly, 24/7, maintenance excluded; 000 §1.6 pro rata)', () => {
	it('000 §2 monthly period: October 2026 (DST) has T = 44,700 min; no downtime is 100 %', () => {
		const r = computeSla(monthInput('softconcept', '2026-10'));
		expect(r).toMatchObject({
			coverageMinutes: 44_700,
			downtimeMinutes: 0,
			availability: 100,
			met: true
		});
		expect(r.credit).toMatchObject({ percent: 0, amountCents: 0 });
		expect(r.period.complete).toBe(true);
	});

	it('000 §1.6: a 5 h outage is not billed pro rata (100,000 × 300 / 44,700 = 671 cents)', () => {
		const r = computeSla(
			monthInput('softconcept', '2026-10', {
				stretches: { [WEB.id]: [[paris('2026-10-10 10:00'), paris('2026-10-10 15:00'), 'down']] }
			})
		);
		expect(r).toMatchObject({ downtimeMinutes: 300, availability: 99.328, met: true });
		expect(r.credit).toEqual({
			mode: 'outage_pro_rata',
			percent: 0.67,
			amountCents: 671,
			unbilledMinutes: 300
		});
		expect(r.outages).toEqual([
			{
				start: paris('2026-10-10 10:00'),
				end: paris('2026-10-10 15:00'),
				minutes: 300,
				downtimeMinutes: 300
			}
		]);
	});

	it('000 §1.6: an outage restored within exactly 4 h earns nothing', () => {
		const r = computeSla(
			monthInput('softconcept', '2026-10', {
				stretches: { [WEB.id]: [[paris('2026-10-10 10:00'), paris('2026-10-10 14:00'), 'down']] }
			})
		);
		expect(r.downtimeMinutes).toBe(240);
		expect(r.credit.amountCents).toBe(0);
	});

	it('000 §1.6: an outage crossing the month boundary is split, its 5 h length judged whole', () => {
		const stretches = {
			[WEB.id]: [[paris('2026-09-30 21:00'), paris('2026-10-01 02:00'), 'down']]
		} as const;
		const september = computeSla(monthInput('softconcept', '2026-09', { stretches }));
		const october = computeSla(monthInput('softconcept', '2026-10', { stretches }));
		expect(september).toMatchObject({ coverageMinutes: 43_200, downtimeMinutes: 180 });
		expect(october).toMatchObject({ coverageMinutes: 44_700, downtimeMinutes: 120 });
		// 100,000 × 180 / 43,200 = 416.67; 100,000 × 120 / 44,700 = 268.46
		expect(september.credit).toMatchObject({ amountCents: 417, unbilledMinutes: 180 });
		expect(october.credit).toMatchObject({ amountCents: 268, unbilledMinutes: 120 });
		expect(october.outages[0]).toMatchObject({ minutes: 300, downtimeMinutes: 120 });
	});

	it('unknown is not downtime and is reported apart, a silent component included', () => {
		const silent = { id: 'c-silent', key: 'backup', inScope: false };
		const input = monthInput('softconcept', '2026-10', {
			components: [WEB, silent],
			stretches: { [WEB.id]: [[paris('2026-10-05 10:00'), paris('2026-10-05 11:30'), 'unknown']] }
		});
		const r = computeSla({
			...input,
			intervals: input.intervals.filter((row) => row.componentId === WEB.id)
		});
		expect(r).toMatchObject({ unknownMinutes: 90, downtimeMinutes: 0, availability: 100 });
		expect(r.components[1]).toMatchObject({
			key: 'backup',
			inScope: false,
			unknownMinutes: 44_700,
			availability: 100
		});
	});

	it('000 §1.4: maintenance announced too late is not excluded', () => {
		const r = computeSla(
			monthInput('softconcept', '2026-10', {
				stretches: { [WEB.id]: [[paris('2026-10-13 22:00'), paris('2026-10-13 22:30'), 'down']] },
				maintenances: [
					{
						id: 'm-late',
						componentIds: [WEB.id],
						start: paris('2026-10-13 22:00'),
						end: paris('2026-10-13 22:30'),
						announcedAt: paris('2026-10-12 10:00')
					}
				]
			})
		);
		expect(r).toMatchObject({ downtimeMinutes: 30, excludedMinutes: { total: 0 }, exclusions: [] });
		expect(r.ignored).toEqual([
			{ source: 'maintenance', sourceId: 'm-late', reason: 'notice_too_short' }
		]);
	});

	it('000 §2 "hors période de maintenance": compliant maintenance removes its whole window; downtime past it counts', () => {
		const r = computeSla(
			monthInput('softconcept', '2026-10', {
				stretches: { [WEB.id]: [[paris('2026-10-13 22:30'), paris('2026-10-13 23:30'), 'down']] },
				maintenances: [
					{
						id: 'm-1',
						componentIds: [WEB.id],
						start: paris('2026-10-13 22:00'),
						end: paris('2026-10-13 22:45'),
						announcedAt: paris('2026-10-01 09:00')
					}
				]
			})
		);
		expect(r).toMatchObject({
			downtimeMinutes: 45,
			excludedMinutes: { removed: 45, countedAsAvailable: 0 }
		});
		expect(r.availabilityExact).toBeCloseTo(((44_700 - 45 - 45) / (44_700 - 45)) * 100, 10);
		expect(r.exclusions).toEqual([
			{
				source: 'maintenance',
				sourceId: 'm-1',
				reason: 'maintenance',
				treatment: 'remove',
				start: paris('2026-10-13 22:00'),
				end: paris('2026-10-13 22:45'),
				componentKeys: ['web-1'],
				coveredMinutes: 45
			}
		]);
	});

	it('a maintenance covers only the components it names; out-of-scope components do not count', () => {
		const aside = { ...DB, inScope: false };
		const r = computeSla(
			monthInput('softconcept', '2026-10', {
				components: [WEB, aside],
				stretches: {
					[WEB.id]: [[paris('2026-10-13 22:00'), paris('2026-10-13 22:30'), 'down']],
					[aside.id]: [[paris('2026-10-20 10:00'), paris('2026-10-20 12:00'), 'down']]
				},
				maintenances: [
					{
						id: 'm-db',
						componentIds: [aside.id],
						start: paris('2026-10-13 22:00'),
						end: paris('2026-10-13 22:30'),
						announcedAt: paris('2026-10-01 09:00')
					}
				]
			})
		);
		// The maintenance names an out-of-scope component only: it excludes nothing at client level.
		expect(r).toMatchObject({ downtimeMinutes: 30, excludedMinutes: { total: 0 } });
		expect(r.components.map((c) => [c.key, c.downtimeMinutes, c.excludedMinutes])).toEqual([
			['web-1', 30, 0],
			['db-1', 120, 30]
		]);
	});
});
