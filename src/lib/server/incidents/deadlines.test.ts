import { describe, expect, it } from 'vitest';
import { supportCalendar } from '../calendar/business-calendar';
import { PRESETS } from '../contracts/presets';
import { deadlineState, incidentDeadlines, incidentNumber } from './deadlines';

const softconcept = PRESETS.softconcept;
const support = supportCalendar(softconcept.support);
/** Paris wall-clock time → instant (winter +01:00 unless `summer`). */
const paris = (local: string, summer = false) =>
	new Date(`${local}:00${summer ? '+02:00' : '+01:00'}`);

describe('incident deadlines, softconcept preset (000 §2; 000 §1.5: support hours)', () => {
	const critical = softconcept.incidents.critical;

	it('acknowledges a critical report within 1 open hour, across the lunch break', () => {
		const d = incidentDeadlines(paris('2026-11-16T11:45'), critical, support);
		expect(d.acknowledgeBy).toEqual(paris('2026-11-16T14:00'));
		expect(d.resolveBy).toEqual(paris('2026-11-16T17:00'));
	});

	it("runs over Friday's early close into Monday", () => {
		const d = incidentDeadlines(paris('2026-11-20T15:00'), critical, support);
		expect(d.acknowledgeBy).toEqual(paris('2026-11-20T16:00'));
		expect(d.resolveBy).toEqual(paris('2026-11-23T11:00'));
	});

	it('starts counting at the next opening when filed while closed (weekend)', () => {
		const d = incidentDeadlines(paris('2026-11-21T23:10'), critical, support);
		expect(d.acknowledgeBy).toEqual(paris('2026-11-23T10:00'));
	});

	it('skips Easter Monday 2026', () => {
		const d = incidentDeadlines(paris('2026-04-03T16:00', true), critical, support);
		expect(d.resolveBy).toEqual(paris('2026-04-07T12:00', true));
	});

	it('counts N days as the same clock time on the N-th following business day (major: 1 day)', () => {
		const major = softconcept.incidents.major;
		expect(incidentDeadlines(paris('2026-11-17T10:30'), major, support).resolveBy).toEqual(
			paris('2026-11-18T10:30')
		);
		// Thursday 17:30 + 1 day = Friday 17:30, closed (Friday closes at 17:00) → Monday 09:00.
		expect(incidentDeadlines(paris('2026-11-19T17:30'), major, support).resolveBy).toEqual(
			paris('2026-11-23T09:00')
		);
	});

	it('keeps the clock time across the October DST change', () => {
		const major = softconcept.incidents.major;
		expect(incidentDeadlines(paris('2026-10-23T10:00', true), major, support).resolveBy).toEqual(
			paris('2026-10-26T10:00')
		);
	});

	it('runs around the clock in calendar mode (alteo critical)', () => {
		const d = incidentDeadlines(
			paris('2026-11-21T23:10'),
			PRESETS.alteo.incidents.critical,
			support
		);
		expect(d.acknowledgeBy).toEqual(paris('2026-11-22T00:10'));
		expect(d.resolveBy).toEqual(paris('2026-11-22T03:10'));
	});
});

describe('deadline states', () => {
	const base = { clock: 'business' as const, support, atRiskPercent: 75 };
	const start = paris('2026-11-16T09:00');
	const deadline = paris('2026-11-16T14:15');

	it('is at risk once 75 % of the open time is used, lunch excluded', () => {
		expect(
			deadlineState({ ...base, start, deadline, doneAt: null, now: paris('2026-11-16T11:00') })
		).toBe('on_track');
		expect(
			deadlineState({ ...base, start, deadline, doneAt: null, now: paris('2026-11-16T12:15') })
		).toBe('at_risk');
		expect(
			deadlineState({ ...base, start, deadline, doneAt: null, now: paris('2026-11-16T13:00') })
		).toBe('at_risk');
	});

	it('is met or breached once done, breached once passed', () => {
		expect(
			deadlineState({
				...base,
				start,
				deadline,
				doneAt: paris('2026-11-16T14:00'),
				now: paris('2026-11-17T09:00')
			})
		).toBe('met');
		expect(
			deadlineState({
				...base,
				start,
				deadline,
				doneAt: paris('2026-11-16T14:30'),
				now: paris('2026-11-17T09:00')
			})
		).toBe('breached');
		expect(
			deadlineState({ ...base, start, deadline, doneAt: null, now: paris('2026-11-16T14:16') })
		).toBe('breached');
	});

	it('uses elapsed time in calendar mode', () => {
		const s = paris('2026-11-16T00:00');
		const d = paris('2026-11-16T04:00');
		expect(
			deadlineState({
				...base,
				clock: 'calendar',
				start: s,
				deadline: d,
				doneAt: null,
				now: paris('2026-11-16T03:00')
			})
		).toBe('at_risk');
		expect(
			deadlineState({
				...base,
				clock: 'calendar',
				start: s,
				deadline: d,
				doneAt: null,
				now: paris('2026-11-16T02:59')
			})
		).toBe('on_track');
	});
});

describe('incident numbers (002 art. 4.2)', () => {
	it('reads INC-<year>-<5 digits>', () => {
		expect(incidentNumber(2026, 42)).toBe('INC-2026-00042');
		expect(incidentNumber(2027, 1)).toBe('INC-2027-00001');
	});
});
