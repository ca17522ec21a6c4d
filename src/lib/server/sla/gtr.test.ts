import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import type { GtrReport } from './gtr';
import { incidentGtr, monthGtr } from './gtr';

const alteo = PRESETS.alteo;
const at = (h: number, m = 0) => new Date(Date.UTC(2026, 10, 16, h, m));
const row = (resolvedAt: Date | null, extra: Partial<GtrReport> = {}): GtrReport => ({
	number: 'INC-2026-00001',
	severity: 'critical',
	reportedAt: at(8),
	resolvedAt,
	qualification: null,
	cause: null,
	...extra
});

describe('GTR penalties (001 §5.2: 4 h, then 20/30/40/50 % of the monthly fee)', () => {
	it('owes nothing when restored within 4 h, 20 % up to 1 h late, 50 % beyond 3 h', () => {
		expect(incidentGtr(row(at(12)), alteo, 250_000, at(13))).toMatchObject({
			percent: 0,
			lateMinutes: 0
		});
		expect(incidentGtr(row(at(12, 30)), alteo, 250_000, at(13))).toMatchObject({
			percent: 20,
			lateMinutes: 30,
			amountCents: 50_000
		});
		expect(incidentGtr(row(at(14, 1)), alteo, 250_000, at(15))?.percent).toBe(40);
		expect(incidentGtr(row(at(20)), alteo, 250_000, at(21))?.percent).toBe(50);
	});

	it('runs while unresolved, and is excused when not confirmed or not the provider’s doing', () => {
		expect(incidentGtr(row(null), alteo, 250_000, at(13, 30))).toMatchObject({
			running: true,
			percent: 30
		});
		expect(incidentGtr(row(at(20), { cause: 'client' }), alteo, 250_000, at(21))).toMatchObject({
			excused: true,
			percent: 0
		});
	});

	it('caps a month at the monthly fee, and does not apply without a GTR (axantis)', () => {
		const month = monthGtr([row(at(20)), row(at(20)), row(at(20))], alteo, 250_000);
		expect(month).toMatchObject({ percent: 100, amountCents: 250_000 });
		expect(incidentGtr(row(at(20)), PRESETS.axantis, 480_000, at(21))).toBeNull();
	});

	it('covers only the severities the contract names: an outage, not a minor report (001 §5.2)', () => {
		const late = at(14);
		expect(incidentGtr(row(late, { severity: 'major' }), alteo, 100_000, late)?.percent).toBe(30);
		expect(incidentGtr(row(late, { severity: 'minor' }), alteo, 100_000, late)).toBeNull();
		expect(monthGtr([row(late, { severity: 'minor' })], alteo, 100_000)?.incidents).toEqual([]);
	});
});
