import { describe, expect, it } from 'vitest';
import { computeSla } from './availability';
import { contractYearPeriod } from './period';
import { DB, PARIS, WEB, monthInput, paris, settingsOf } from './testing';

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

describe('alteo (001 §5.1: 99.9 %, (total − incidents) / (total − client-caused), 2.5 % per 60 min)', () => {
	const monthly = settingsOf('alteo', { sla: { period: 'month' } });
	const fee = 200_000;

	it('001 §5.1: a client-caused qualification covers only the down minutes inside its window', () => {
		const r = computeSla(
			monthInput('alteo', '2026-11', {
				settings: monthly,
				monthlyFeeCents: fee,
				stretches: { [WEB.id]: [[paris('2026-11-10 10:00'), paris('2026-11-10 12:00'), 'down']] },
				qualifications: [
					{
						id: 'q-1',
						componentId: WEB.id,
						start: paris('2026-11-10 11:00'),
						end: paris('2026-11-10 13:00'),
						cause: 'client'
					}
				]
			})
		);
		// A = (43,200 − 60 − 60) / (43,200 − 60) = 99.86091 %
		expect(r).toMatchObject({
			coverageMinutes: 43_200,
			downtimeMinutes: 60,
			excludedMinutes: { removed: 60, countedAsAvailable: 0, total: 60 },
			availability: 99.86,
			met: false
		});
		expect(r.credit).toEqual({ mode: 'slices', percent: 2.5, amountCents: 5_000, slices: 1 });
		expect(r.exclusions).toMatchObject([
			{ reason: 'client', treatment: 'remove', coveredMinutes: 60 }
		]);
	});

	it('a cause the contract does not exclude leaves the downtime counted (beyond_capacity under 001)', () => {
		const r = computeSla(
			monthInput('alteo', '2026-11', {
				settings: monthly,
				stretches: { [WEB.id]: [[paris('2026-11-10 10:00'), paris('2026-11-10 12:00'), 'down']] },
				qualifications: [
					{
						id: 'q-2',
						componentId: WEB.id,
						start: paris('2026-11-10 10:00'),
						end: paris('2026-11-10 12:00'),
						cause: 'beyond_capacity'
					}
				]
			})
		);
		expect(r.downtimeMinutes).toBe(120);
		expect(r.ignored).toEqual([
			{ source: 'qualification', sourceId: 'q-2', reason: 'cause_not_excluded' }
		]);
	});

	it('SLA scope: two components down at once count once (union)', () => {
		const r = computeSla(
			monthInput('alteo', '2026-11', {
				settings: monthly,
				monthlyFeeCents: fee,
				components: [WEB, DB],
				stretches: {
					[WEB.id]: [[paris('2026-11-10 10:00'), paris('2026-11-10 11:00'), 'down']],
					[DB.id]: [[paris('2026-11-10 10:30'), paris('2026-11-10 11:30'), 'down']]
				}
			})
		);
		expect(r.downtimeMinutes).toBe(90);
		expect(r.components.map((c) => c.downtimeMinutes)).toEqual([60, 60]);
		expect(r.credit).toMatchObject({ slices: 2, percent: 5, amountCents: 10_000 });
		expect(r.outages).toHaveLength(1);
	});

	it('degraded counts with its weight (0.5 → 120 degraded minutes = 60), 0 by default', () => {
		const stretches = {
			[WEB.id]: [[paris('2026-11-10 10:00'), paris('2026-11-10 12:00'), 'degraded']]
		} as const;
		const weighted = computeSla(
			monthInput('alteo', '2026-11', {
				settings: settingsOf('alteo', { sla: { period: 'month', degradedWeight: 0.5 } }),
				stretches
			})
		);
		const plain = computeSla(monthInput('alteo', '2026-11', { settings: monthly, stretches }));
		expect(weighted).toMatchObject({ downtimeMinutes: 60, availability: 99.861 });
		expect(plain).toMatchObject({ downtimeMinutes: 0, availability: 100, met: true });
	});

	it('001 §5.1: exactly 43 min 12 s in a 30-day month meets 99.9 %; one more second misses it', () => {
		const at = (end: string) =>
			computeSla(
				monthInput('alteo', '2026-11', {
					settings: monthly,
					stretches: { [WEB.id]: [[paris('2026-11-10 10:00'), paris(end), 'down']] }
				})
			);
		expect(at('2026-11-10 10:43:12')).toMatchObject({
			availability: 99.9,
			met: true,
			credit: { percent: 0 }
		});
		expect(at('2026-11-10 10:43:13')).toMatchObject({
			availability: 99.899,
			met: false,
			credit: { slices: 1 }
		});
	});
});

describe('periods other than a closed calendar month', () => {
	it('001 §5.1 contract year: 2026-03-15 10:00 to 2027-03-15 10:00 is 525,600 min (both DST changes inside)', () => {
		const base = monthInput('alteo', '2026-11', {
			stretches: { [WEB.id]: [[paris('2026-11-10 10:00'), paris('2026-11-10 12:00'), 'down']] }
		});
		const year = contractYearPeriod(paris('2025-03-15 10:00'), base.period.start, PARIS);
		const r = computeSla({ ...base, period: year, asOf: paris('2027-04-01 00:00') });
		// A = (525,600 − 120) / 525,600 = 99.977 %: the yearly allowance of 99.9 % is 525.6 min
		expect(r).toMatchObject({
			coverageMinutes: 525_600,
			downtimeMinutes: 120,
			availability: 99.977,
			met: true
		});
	});

	it('a month not begun yet has no coverage and is 100 %', () => {
		const r = computeSla({ ...monthInput('alteo', '2026-11'), asOf: paris('2026-10-15 00:00') });
		expect(r).toMatchObject({
			coverageMinutes: 0,
			availability: 100,
			met: true,
			period: { complete: false }
		});
		expect(r.period.evaluatedUntil).toEqual(paris('2026-11-01 00:00'));
	});
});

describe('axantis (004 art. 6: 99.85 % Mon–Fri 08:00–18:00 without holidays, excusable events, tiers)', () => {
	const fee = 150_000;
	const down = (from: string, to: string) =>
		[paris(from), paris(to), 'down'] as [Date, Date, 'down'];

	it('004 art. 6 coverage: November 2026 has T = 12,000 min; an outage on 11 November (holiday) is outside', () => {
		const r = computeSla(
			monthInput('axantis', '2026-11', {
				stretches: { [WEB.id]: [down('2026-11-11 10:00', '2026-11-11 12:00')] }
			})
		);
		expect(r).toMatchObject({
			coverageMinutes: 12_000,
			downtimeMinutes: 0,
			availability: 100,
			met: true
		});
	});

	it('004 art. 6: an outage crossing the coverage edge at 18:00 counts until 18:00 only', () => {
		const r = computeSla(
			monthInput('axantis', '2026-11', {
				monthlyFeeCents: fee,
				stretches: {
					[WEB.id]: [
						down('2026-11-10 17:00', '2026-11-10 19:00'),
						down('2026-11-12 17:30', '2026-11-13 08:30')
					]
				}
			})
		);
		// 60 (Tue 17–18) + 30 (Thu 17:30–18) + 30 (Fri 08–08:30); A = (12,000 − 120) / 12,000 = 99 %
		expect(r).toMatchObject({ downtimeMinutes: 120, availability: 99, met: false });
		expect(r.credit).toEqual({
			mode: 'tiers',
			percent: 10,
			amountCents: 15_000,
			tierBelowPercent: 99.5
		});
	});

	it('004 art. 6 formula: client-caused downtime counts as available (total minutes stay the denominator)', () => {
		const r = computeSla(
			monthInput('axantis', '2026-11', {
				stretches: { [WEB.id]: [down('2026-11-10 10:00', '2026-11-10 12:00')] },
				qualifications: [
					{
						id: 'q-c',
						componentId: WEB.id,
						start: paris('2026-11-10 09:00'),
						end: paris('2026-11-10 11:00'),
						cause: 'client'
					}
				]
			})
		);
		// 10–11 excused, 11–12 counted: A = (12,000 − 60) / 12,000 = 99.5 %
		expect(r).toMatchObject({
			downtimeMinutes: 60,
			excludedMinutes: { removed: 0, countedAsAvailable: 60 },
			availability: 99.5,
			credit: { percent: 5 }
		});
		expect(r.exclusions).toMatchObject([
			{ reason: 'client', treatment: 'count_as_available', coveredMinutes: 60 }
		]);
	});

	it('004 art. 6: planned maintenance is taken out of the period; remove wins over count_as_available', () => {
		const r = computeSla(
			monthInput('axantis', '2026-11', {
				components: [WEB, DB],
				stretches: {
					[WEB.id]: [down('2026-11-10 10:00', '2026-11-10 10:30')],
					[DB.id]: [down('2026-11-10 10:00', '2026-11-10 11:30')]
				},
				maintenances: [
					{
						id: 'm-ax',
						componentIds: [WEB.id],
						start: paris('2026-11-10 10:00'),
						end: paris('2026-11-10 11:00'),
						announcedAt: paris('2026-11-02 09:00')
					}
				],
				qualifications: [
					{
						id: 'q-db',
						componentId: DB.id,
						start: paris('2026-11-10 10:00'),
						end: paris('2026-11-10 11:30'),
						cause: 'third_party_operator'
					}
				]
			})
		);
		expect(r).toMatchObject({
			coverageMinutes: 12_000,
			downtimeMinutes: 0,
			excludedMinutes: { removed: 60, countedAsAvailable: 30 },
			availability: 100
		});
	});

	it('the live current month runs to asOf: open rows end there and T is the coverage so far', () => {
		const input = monthInput('axantis', '2026-11', { asOf: paris('2026-11-10 12:00') });
		const open = {
			componentId: WEB.id,
			status: 'down' as const,
			from: paris('2026-11-10 11:00'),
			to: null
		};
		const rows = input.intervals
			.filter((row) => row.from < open.from)
			.map((row) => ({ ...row, to: row.to! > open.from ? open.from : row.to }));
		const r = computeSla({ ...input, intervals: [...rows, open] });
		// Nov 2–6, Nov 9 and Nov 10 08:00–12:00: 3,000 + 600 + 240
		expect(r).toMatchObject({
			coverageMinutes: 3_840,
			downtimeMinutes: 60,
			period: { complete: false }
		});
		expect(r.period.evaluatedUntil).toEqual(paris('2026-11-10 12:00'));
	});

	it('004 art. 6: October 2026 (DST) business-hours coverage is 22 × 600 = 13,200 min', () => {
		expect(computeSla(monthInput('axantis', '2026-10')).coverageMinutes).toBe(13_200);
	});
});
