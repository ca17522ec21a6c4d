import { describe, expect, it } from 'vitest';
import { computeSla } from './availability';
import { DB, WEB, monthInput, paris } from './testing';

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
