/**
 * Property tests: the engine against a minute-by-minute reading of the
 * definitions, and the invariants 0 ≤ A ≤ 100, more downtime never raises A, credits ≤ cap.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coverageCalendar, openIntervals, supportCalendar } from '../calendar/business-calendar';
import { PRESET_NAMES } from '../contracts/presets';
import { SLA_CAUSES, type ContractSettings } from '../contracts/settings';
import { computeSla } from './availability';
import { maintenanceCompliance } from '../maintenance/compliance';
import { PARIS, paris, settingsOf } from './testing';
import type { ComponentStatus, SlaInput, SlaReport, SlaSettings, StatusRow } from './types';

const MINUTE = 60_000;
/** Three days around the October 2026 clock change, seen with 12 h of rows on each side. */
const PERIOD = {
	kind: 'month' as const,
	start: paris('2026-10-24 00:00'),
	end: paris('2026-10-27 00:00')
};
const ORIGIN = PERIOD.start.getTime() - 12 * 60 * MINUTE;
const SPAN = (PERIOD.end.getTime() - PERIOD.start.getTime()) / MINUTE + 24 * 60;
const at = (minute: number) => new Date(ORIGIN + minute * MINUTE);

type Cell = ComponentStatus | 'gap';
interface Scenario {
	preset: (typeof PRESET_NAMES)[number];
	weight: number;
	treatment: ContractSettings['sla']['treatment'];
	businessHours: boolean;
	fee: number;
	/** Per component, stretches repeated from ORIGIN to fill the span (cellsOf gives the minutes). */
	timelines: { cell: Cell; length: number }[][];
	inScope: boolean[];
	anchor: number;
	maintenances: { comps: number[]; offset: number; length: number; noticeDays: number }[];
	qualifications: { comp: number; offset: number; length: number; cause: string }[];
}

const cellArb = fc.constantFrom<Cell>('up', 'up', 'up', 'down', 'degraded', 'unknown', 'gap');
const timelineArb = fc.array(
	fc.record({ cell: cellArb, length: fc.integer({ min: 1, max: 400 }) }),
	{
		minLength: 1,
		maxLength: 40
	}
);
/** Windows start near one anchor of the scenario (offset), so maintenances and qualifications overlap often. */
const windowArb = {
	offset: fc.integer({ min: -300, max: 300 }),
	length: fc.integer({ min: 1, max: 1500 })
};
const startOf = (s: Scenario, w: { offset: number }) => s.anchor + w.offset;

/** One cell per minute from ORIGIN, per component. */
function cellsOf(s: Scenario): Cell[][] {
	return s.timelines.map((segments) => {
		const cells: Cell[] = [];
		while (cells.length < SPAN)
			for (const seg of segments) cells.push(...Array<Cell>(seg.length).fill(seg.cell));
		return cells.slice(0, SPAN);
	});
}
const scenarioArb: fc.Arbitrary<Scenario> = fc.integer({ min: 1, max: 4 }).chain((n) =>
	fc.record({
		preset: fc.constantFrom(...PRESET_NAMES),
		weight: fc.constantFrom(0, 0.25, 0.5, 1),
		treatment: fc.record({
			maintenance: fc.constantFrom('remove' as const, 'count_as_available' as const),
			causes: fc.constantFrom('remove' as const, 'count_as_available' as const)
		}),
		businessHours: fc.boolean(),
		fee: fc.integer({ min: 0, max: 10_000_000 }),
		timelines: fc.array(timelineArb, { minLength: n, maxLength: n }),
		inScope: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
		anchor: fc.integer({ min: 0, max: SPAN - 1 }),
		maintenances: fc.array(
			fc.record({
				comps: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1 }),
				...windowArb,
				noticeDays: fc.constantFrom(0, 1, 30)
			}),
			{ maxLength: 4 }
		),
		qualifications: fc.array(
			fc.record({
				comp: fc.integer({ min: 0, max: n - 1 }),
				...windowArb,
				cause: fc.constantFrom(...SLA_CAUSES)
			}),
			{ maxLength: 4 }
		)
	})
);

function settingsFor(s: Scenario): ContractSettings {
	const coverage = s.businessHours ? settingsOf('axantis').sla.coverage : { mode: '24x7' };
	return settingsOf(s.preset, {
		sla: { period: 'month', degradedWeight: s.weight, treatment: s.treatment, coverage }
	});
}

function rowsOf(comp: number, cells: Cell[]): StatusRow[] {
	const rows: StatusRow[] = [];
	for (let i = 0; i < cells.length;) {
		let j = i;
		while (j < cells.length && cells[j] === cells[i]) j++;
		const cell = cells[i];
		if (cell !== 'gap')
			rows.push({ componentId: `c${comp}`, status: cell, from: at(i), to: at(j) });
		i = j;
	}
	return rows;
}

function inputOf(s: Scenario, cells = cellsOf(s)): SlaInput {
	return {
		period: PERIOD,
		timeZone: PARIS,
		settings: settingsFor(s),
		monthlyFeeCents: s.fee,
		components: cells.map((_, i) => ({ id: `c${i}`, key: `k${i}`, inScope: s.inScope[i] })),
		intervals: cells.flatMap((timeline, i) => rowsOf(i, timeline)),
		maintenances: s.maintenances.map((m, i) => ({
			id: `m${i}`,
			componentIds: m.comps.map((c) => `c${c}`),
			start: at(startOf(s, m)),
			end: at(startOf(s, m) + m.length),
			announcedAt: at(startOf(s, m) - m.noticeDays * 1440 - 1),
			approvedAt: at(startOf(s, m) - 1)
		})),
		qualifications: s.qualifications.map((q, i) => ({
			id: `q${i}`,
			componentId: `c${q.comp}`,
			start: at(startOf(s, q)),
			end: at(startOf(s, q) + q.length),
			cause: q.cause
		})),
		asOf: at(SPAN)
	};
}

/** The definitions read literally, one minute at a time. */
function oracle(s: Scenario, input: SlaInput, cells: Cell[][]) {
	const sla = input.settings.sla;
	const support = supportCalendar(input.settings.support, PARIS);
	const compliant = input.maintenances.map(
		(m) => maintenanceCompliance(m, input.settings.maintenance, support, PARIS).compliant
	);
	const open = openIntervals(coverageCalendar(sla.coverage, PARIS), PERIOD.start, PERIOD.end);
	const counted = (minute: number) =>
		open.some(
			(o) => o.start.getTime() <= at(minute).getTime() && at(minute).getTime() < o.end.getTime()
		);
	const totals = { T: 0, down: 0, degraded: 0, removed: 0, counted: 0, unknown: 0 };
	const perComp = cells.map(() => 0);
	/** Per minute of the span: some in-scope component down outside its exclusions (000 §1.6 outages). */
	const fullDown: boolean[] = [];
	for (let minute = 0; minute < SPAN; minute++) {
		const inside = (w: { offset: number; length: number }) =>
			startOf(s, w) <= minute && minute < startOf(s, w) + w.length;
		const classes = cells.map((timeline, c) => {
			const cell = timeline[minute] === 'gap' ? 'unknown' : timeline[minute];
			const unavailable = cell === 'down' || (cell === 'degraded' && sla.degradedWeight > 0);
			const byMaintenance = s.maintenances.some(
				(m, i) => compliant[i] && m.comps.includes(c) && inside(m)
			);
			const byCause =
				unavailable &&
				s.qualifications.some(
					(q) => q.comp === c && inside(q) && sla.excludedCauses.includes(q.cause as never)
				);
			if (byMaintenance || byCause) {
				const remove =
					(byMaintenance && sla.treatment.maintenance === 'remove') ||
					(byCause && sla.treatment.causes === 'remove');
				return remove ? 'removed' : 'counted';
			}
			return unavailable ? cell : cell === 'unknown' ? 'unknown' : 'up';
		});
		const scoped = classes.filter((_, c) => s.inScope[c]);
		fullDown.push(scoped.includes('down'));
		if (!counted(minute)) continue;
		totals.T++;
		classes.forEach(
			(k, c) => (perComp[c] += k === 'down' ? 1 : k === 'degraded' ? sla.degradedWeight : 0)
		);
		const klass = (['down', 'degraded', 'removed', 'counted', 'unknown'] as const).find((k) =>
			scoped.includes(k)
		);
		if (klass) totals[klass]++;
	}
	let unbilled = 0;
	const threshold = sla.credit.mode === 'outage_pro_rata' ? sla.credit.minOutageMinutes : Infinity;
	for (let i = 0; i < SPAN;) {
		let j = i;
		while (j < SPAN && fullDown[j] === fullDown[i]) j++;
		if (fullDown[i] && j - i > threshold) for (let m = i; m < j; m++) if (counted(m)) unbilled++;
		i = j;
	}
	return { totals, perComp, unbilled };
}

const creditCap = (settings: SlaSettings) => {
	const credit = settings.sla.credit;
	return credit.mode === 'slices' || credit.mode === 'tiers'
		? credit.capPercent
		: credit.mode === 'none'
			? 0
			: 100;
};

function withMoreDowntime(cells: Cell[][], comp: number, start: number, length: number): Cell[][] {
	const more = cells.map((c) => [...c]);
	for (let m = start; m < Math.min(SPAN, start + length); m++) more[comp][m] = 'down';
	return more;
}

describe('SLA engine properties (fast-check)', () => {
	it('matches the definitions read minute by minute (union, exclusions, treatments, coverage, DST)', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const cells = cellsOf(s);
				const input = inputOf(s, cells);
				const r = computeSla(input);
				const { totals, perComp, unbilled } = oracle(s, input, cells);
				expect(r.exact.coverageMs).toBe(totals.T * MINUTE);
				expect(r.exact.downMs).toBe(totals.down * MINUTE);
				expect(r.exact.degradedMs).toBe(totals.degraded * MINUTE);
				expect(r.exact.removedMs).toBe(totals.removed * MINUTE);
				expect(r.exact.countedAsAvailableMs).toBe(totals.counted * MINUTE);
				expect(r.exact.unknownMs).toBe(totals.unknown * MINUTE);
				expect(r.components.map((c) => c.downtimeMinutes)).toEqual(
					perComp.map((m) => Math.round(m * 100) / 100)
				);
				if (r.credit.mode === 'outage_pro_rata') expect(r.credit.unbilledMinutes).toBe(unbilled);
			}),
			{ numRuns: 150 }
		);
	});

	it('0 ≤ A ≤ 100, and the displayed A is the exact one floored to 3 decimals', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const r = computeSla(inputOf(s));
				expect(r.availabilityExact).toBeGreaterThanOrEqual(0);
				expect(r.availabilityExact).toBeLessThanOrEqual(100);
				expect(r.availability).toBeLessThanOrEqual(r.availabilityExact + 1e-9);
				expect(r.availabilityExact - r.availability).toBeLessThan(0.001 + 1e-9);
				for (const c of r.components) expect(c.availability).toBeGreaterThanOrEqual(0);
			}),
			{ numRuns: 200 }
		);
	});

	it('more downtime never raises A nor lowers the credit', () => {
		fc.assert(
			fc.property(
				scenarioArb,
				fc.nat(),
				fc.integer({ min: 0, max: SPAN - 1 }),
				fc.integer({ min: 1, max: 900 }),
				(s, compSeed, start, length) => {
					const cells = cellsOf(s);
					const before: SlaReport = computeSla(inputOf(s, cells));
					const after = computeSla(
						inputOf(s, withMoreDowntime(cells, compSeed % cells.length, start, length))
					);
					expect(after.availabilityExact).toBeLessThanOrEqual(before.availabilityExact + 1e-9);
					expect(after.credit.amountCents).toBeGreaterThanOrEqual(before.credit.amountCents);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('credits never exceed the cap', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				const input = inputOf(s);
				const r = computeSla(input);
				const cap = creditCap(input.settings);
				expect(r.credit.percent).toBeLessThanOrEqual(cap);
				expect(r.credit.amountCents).toBeLessThanOrEqual(Math.round((s.fee * cap) / 100));
				expect(Number.isInteger(r.credit.amountCents)).toBe(true);
			}),
			{ numRuns: 200 }
		);
	});
});
