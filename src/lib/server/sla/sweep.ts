/**
 * The sweep line behind the SLA figures (which minutes an exclusion covers): one pass
 * over the sorted state changes of every component, maintenance, qualification, coverage and
 * period bound. Cost: O(n log n) in the number of changes, never in minutes or samples.
 *
 * At each moment, per component: downtime when down (or degraded, when degraded counts) outside
 * its own exclusions; excluded when inside a compliant maintenance naming it (whatever its state)
 * or, while unavailable, inside a qualification with an excluded cause. Client level: downtime
 * when some in-scope component is in downtime; else excluded when some in-scope component is
 * excluded (remove wins over count_as_available); else unknown when some in-scope component is
 * unknown; else available. Only moments inside both the coverage and the period are counted.
 */
import {
	COVER_OFF,
	COVER_ON,
	DEGRADED,
	DOWN,
	Events,
	MAINT_OFF,
	MAINT_ON,
	PERIOD,
	QUAL_OFF,
	QUAL_ON,
	STATUS,
	UNKNOWN,
	type RowColumns
} from './events';

export interface SweepInput {
	/** The instants the sweep sees: [windowStart, windowEnd). */
	windowStart: number;
	windowEnd: number;
	/** Figures are counted in [periodStart, periodEnd) only. */
	periodStart: number;
	periodEnd: number;
	/** Flat sorted coverage spans [start, end, …]. */
	coverage: readonly number[];
	inScope: readonly boolean[];
	/** Any order; rows of a component should not overlap (a later start wins). */
	rows: RowColumns;
	/** Compliant maintenances only; each names a component once. */
	maintenances: readonly { comps: readonly number[]; start: number; end: number }[];
	/** Qualifications with an excluded cause only. */
	qualifications: readonly { comp: number; start: number; end: number }[];
	countDegraded: boolean;
	removeMaintenance: boolean;
	removeCauses: boolean;
}

/** Milliseconds per class, inside coverage and period. */
export interface ClassTotals {
	downMs: number;
	degradedMs: number;
	removedMs: number;
	countedAsAvailableMs: number;
	unknownMs: number;
}

export interface SweepResult {
	coverageMs: number;
	client: ClassTotals;
	components: ClassTotals[];
	maintenanceMs: number[];
	qualificationMs: number[];
}

/**
 * Told each run of client-level full downtime (some in-scope component down) touching the
 * period, in order: a month can hold thousands, passed on without an object each.
 */
export type OnOutage = (start: number, end: number, downMs: number) => void;

/** Classes of a moment, in priority order: the client takes the first any in-scope component has. */
const C_UP = 0;
const C_DOWN = 1;
const C_DEGRADED = 2;
const C_REMOVED = 3;
const C_COUNTED = 4;
const C_UNKNOWN = 5;
const CLASSES = 6;

function totals(acc: Float64Array, at: number): ClassTotals {
	return {
		downMs: acc[at + C_DOWN],
		degradedMs: acc[at + C_DEGRADED],
		removedMs: acc[at + C_REMOVED],
		countedAsAvailableMs: acc[at + C_COUNTED],
		unknownMs: acc[at + C_UNKNOWN]
	};
}

export function sweep(input: SweepInput, onOutage: OnOutage): SweepResult {
	const n = input.inScope.length;
	const capacity =
		2 * input.rows.length +
		2 * input.maintenances.length +
		2 * input.qualifications.length +
		input.coverage.length +
		2;
	const events = new Events(input.windowStart, input.windowEnd, capacity);
	events.pushRows(input.rows);
	const seen = (x: { start: number; end: number }) =>
		x.start < x.end && x.end > input.windowStart && x.start < input.windowEnd;
	input.maintenances.forEach((m, i) => {
		if (!seen(m)) return;
		events.push(Math.max(m.start, input.windowStart), MAINT_ON, i);
		events.push(m.end, MAINT_OFF, i);
	});
	input.qualifications.forEach((q, i) => {
		if (!seen(q)) return;
		events.push(Math.max(q.start, input.windowStart), QUAL_ON, i);
		events.push(q.end, QUAL_OFF, i);
	});
	for (let i = 0; i < input.coverage.length; i += 2) {
		events.push(input.coverage[i], COVER_ON);
		events.push(input.coverage[i + 1], COVER_OFF);
	}
	events.push(Math.max(input.periodStart, input.windowStart), PERIOD, 0, 1);
	events.push(input.periodEnd, PERIOD, 0, 0);

	const status = new Uint8Array(n).fill(UNKNOWN);
	const maint = new Int32Array(n);
	const qual = new Int32Array(n);
	const klass = new Uint8Array(n);
	const lastClock = new Float64Array(n);
	const activeQuals: number[][] = Array.from({ length: n }, () => []);
	const qualLast = new Float64Array(input.qualifications.length);
	const qualMs = new Array<number>(input.qualifications.length).fill(0);
	const maintStartClock = new Float64Array(input.maintenances.length);
	const maintMs = new Array<number>(input.maintenances.length).fill(0);
	/** Milliseconds per component and class, at c × CLASSES + class. */
	const perComponent = new Float64Array(n * CLASSES);
	const client = new Float64Array(CLASSES);
	/** How many in-scope components are in each class. */
	const inClass = new Int32Array(CLASSES);
	const outage = (start: number, end: number, downMs: number) => {
		if (end > input.periodStart && start < input.periodEnd) onOutage(start, end, downMs);
	};
	let clock = 0;
	let inCoverage = false;
	let inPeriod = false;
	let t = input.windowStart;
	// The open run of client-level full downtime: start instant and clock then; NaN when none.
	let runStart = NaN;
	let runClock = 0;

	const unavailable = (c: number) =>
		status[c] === DOWN || (status[c] === DEGRADED && input.countDegraded);
	const classify = (c: number): number => {
		const byCause = qual[c] > 0 && unavailable(c);
		if (maint[c] > 0 || byCause) {
			const remove = (maint[c] > 0 && input.removeMaintenance) || (byCause && input.removeCauses);
			return remove ? C_REMOVED : C_COUNTED;
		}
		if (status[c] === DOWN) return C_DOWN;
		if (status[c] === DEGRADED && input.countDegraded) return C_DEGRADED;
		return status[c] === UNKNOWN ? C_UNKNOWN : C_UP;
	};
	/** Call before every change of component c's state. */
	const before = (c: number) => {
		perComponent[c * CLASSES + klass[c]] += clock - lastClock[c];
		lastClock[c] = clock;
		const qs = activeQuals[c];
		if (qs.length === 0) return;
		const open = unavailable(c);
		for (const q of qs) {
			if (open) qualMs[q] += clock - qualLast[q];
			qualLast[q] = clock;
		}
	};
	/** Call after every change of component c's state. */
	const after = (c: number) => {
		const k = classify(c);
		if (input.inScope[c]) {
			inClass[klass[c]]--;
			inClass[k]++;
		}
		klass[c] = k;
	};
	for (let c = 0; c < n; c++) if (input.inScope[c]) inClass[C_UP]++;
	for (let c = 0; c < n; c++) after(c);

	const clientClass = () => {
		for (let k = C_DOWN; k < CLASSES; k++) if (inClass[k] > 0) return k;
		return C_UP;
	};
	/** Counts [t, to) with the state left by every event at t, then moves to `to`. */
	const advance = (to: number) => {
		if (!(to > t)) return;
		const down = inClass[C_DOWN] > 0;
		if (down && Number.isNaN(runStart)) {
			runStart = t;
			runClock = clock;
		} else if (!down && !Number.isNaN(runStart)) {
			outage(runStart, t, clock - runClock);
			runStart = NaN;
		}
		if (inCoverage && inPeriod) {
			clock += to - t;
			client[clientClass()] += to - t;
		}
		t = to;
	};

	const order = events.order();
	for (let k = 0; k < order.length; k++) {
		const e = order[k];
		advance(events.times[e]);
		const data = events.data[e];
		const kind = data & 7;
		const arg = (data >> 3) & 3;
		const index = data >> 5;
		switch (kind) {
			case STATUS:
				before(index);
				status[index] = arg;
				after(index);
				break;
			case MAINT_ON:
			case MAINT_OFF: {
				const delta = kind === MAINT_ON ? 1 : -1;
				if (delta === 1) maintStartClock[index] = clock;
				else maintMs[index] += clock - maintStartClock[index];
				for (const c of input.maintenances[index].comps) {
					before(c);
					maint[c] += delta;
					after(c);
				}
				break;
			}
			case QUAL_ON:
			case QUAL_OFF: {
				const c = input.qualifications[index].comp;
				before(c);
				if (kind === QUAL_ON) {
					qual[c]++;
					activeQuals[c].push(index);
					qualLast[index] = clock;
				} else {
					qual[c]--;
					activeQuals[c].splice(activeQuals[c].indexOf(index), 1);
				}
				after(c);
				break;
			}
			case COVER_ON:
			case COVER_OFF:
				inCoverage = kind === COVER_ON;
				break;
			case PERIOD:
				inPeriod = arg === 1;
				break;
		}
	}
	advance(input.windowEnd);
	if (!Number.isNaN(runStart)) outage(runStart, input.windowEnd, clock - runClock);
	for (let c = 0; c < n; c++) before(c);
	input.maintenances.forEach((m, i) => {
		if (seen(m) && m.end >= input.windowEnd) maintMs[i] += clock - maintStartClock[i];
	});

	return {
		coverageMs: clock,
		client: totals(client, 0),
		components: Array.from({ length: n }, (_, c) => totals(perComponent, c * CLASSES)),
		maintenanceMs: maintMs,
		qualificationMs: qualMs
	};
}
