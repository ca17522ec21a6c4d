import { describe, expect, it } from 'vitest';
import { computeSla } from './availability';
import { contractYearPeriod } from './period';
import { DB, PARIS, WEB, monthInput, paris, settingsOf } from './testing';

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
