import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import { weekly, type TimeSlot } from '../contracts/schedule';
import type { Coverage } from '../contracts/settings';
import {
	addBusinessDays,
	addOpenMinutes,
	coverageCalendar,
	elapsedOpenFraction,
	nextOpening,
	openIntervals,
	openMinutesBetween,
	supportCalendar,
	type BusinessCalendar
} from './business-calendar';
import { monthRange } from './zoned';

const PARIS = 'Europe/Paris';
/** 000 §1.5: Mon–Thu 09:00–12:15 and 13:30–18:00, Fri 09:00–12:15 and 13:30–17:00, French holidays closed. */
const soft = supportCalendar(PRESETS.softconcept.support);
/** 004 art. 6: Mon–Fri 08:00–18:00, French public holidays excluded. */
const OFFICE: TimeSlot[] = [['08:00', '18:00']];
const axantisCoverage = {
	mode: 'schedule',
	weekly: weekly({ mon: OFFICE, tue: OFFICE, wed: OFFICE, thu: OFFICE, fri: OFFICE }),
	publicHolidays: 'fr',
	closedDays: []
} satisfies Coverage;
const axantis = coverageCalendar(PRESETS.axantis.sla.coverage);
const ALL_DAY: TimeSlot[] = [['00:00', '24:00']];
const everyDay: BusinessCalendar = {
	timeZone: PARIS,
	weekly: weekly({
		mon: ALL_DAY,
		tue: ALL_DAY,
		wed: ALL_DAY,
		thu: ALL_DAY,
		fri: ALL_DAY,
		sat: ALL_DAY,
		sun: ALL_DAY
	}),
	holidays: 'none'
};
const d = (iso: string) => new Date(iso);
const month = (m: string) => monthRange(m, PARIS);
const iso = (x: Date) => x.toISOString();

describe('support hours (000 §1.5): open time of the softconcept calendar', () => {
	it('builds the calendars from the contract presets', () => {
		expect(soft).toMatchObject({ timeZone: PARIS, holidays: 'fr' });
		expect(coverageCalendar(PRESETS.alteo.sla.coverage)).toBe('24x7');
		expect(PRESETS.axantis.sla.coverage).toEqual(axantisCoverage);
		expect(axantis).toEqual({
			timeZone: PARIS,
			weekly: axantisCoverage.weekly,
			holidays: 'fr',
			closedDays: []
		});
	});

	it('skips the lunch break: an interval list clipped to the bounds', () => {
		const out = openIntervals(soft, d('2026-06-08T10:00:00+02:00'), d('2026-06-08T14:00:00+02:00'));
		expect(out.map((i) => [iso(i.start), iso(i.end)])).toEqual([
			[iso(d('2026-06-08T10:00:00+02:00')), iso(d('2026-06-08T12:15:00+02:00'))],
			[iso(d('2026-06-08T13:30:00+02:00')), iso(d('2026-06-08T14:00:00+02:00'))]
		]);
	});

	it('counts 2,265 open minutes in an ordinary week (4 × 465 + 405 on Friday)', () => {
		expect(
			openMinutesBetween(soft, d('2026-06-08T00:00:00+02:00'), d('2026-06-15T00:00:00+02:00'))
		).toBe(2265);
	});

	it('gives nothing for an empty or reversed range', () => {
		expect(
			openIntervals(soft, d('2026-06-08T10:00:00+02:00'), d('2026-06-08T10:00:00+02:00'))
		).toEqual([]);
		expect(
			openMinutesBetween(soft, d('2026-06-09T10:00:00+02:00'), d('2026-06-08T10:00:00+02:00'))
		).toBe(0);
	});
});

describe('000 §2 deadlines in business mode: hours consume only open time', () => {
	it('across the lunch break: Monday 11:45 + 1 h → 14:00', () => {
		expect(addOpenMinutes(soft, d('2026-06-08T11:45:00+02:00'), 60)).toEqual(
			d('2026-06-08T14:00:00+02:00')
		);
	});

	it("Friday's early close: Friday 15:00 + 4 h → Monday 11:00 (Thursday 17:30 + 1 h → Friday 09:30)", () => {
		expect(addOpenMinutes(soft, d('2026-06-12T15:00:00+02:00'), 240)).toEqual(
			d('2026-06-15T11:00:00+02:00')
		);
		expect(addOpenMinutes(soft, d('2026-06-11T17:30:00+02:00'), 60)).toEqual(
			d('2026-06-12T09:30:00+02:00')
		);
	});

	it('a deadline reached exactly at closing time is the closing instant', () => {
		expect(addOpenMinutes(soft, d('2026-06-12T16:00:00+02:00'), 60)).toEqual(
			d('2026-06-12T17:00:00+02:00')
		);
	});

	it('Easter Monday 2026 is closed: Friday 3 April 16:00 + 4 h → Tuesday 7 April 12:00', () => {
		expect(addOpenMinutes(soft, d('2026-04-03T16:00:00+02:00'), 240)).toEqual(
			d('2026-04-07T12:00:00+02:00')
		);
	});

	it('14 July is closed: Monday 13 July 17:00 + 2 h → Wednesday 15 July 10:00', () => {
		expect(addOpenMinutes(soft, d('2026-07-13T17:00:00+02:00'), 120)).toEqual(
			d('2026-07-15T10:00:00+02:00')
		);
	});

	it('across spring-forward (29 March 2026): Friday 16:00 CET + 2 h → Monday 10:00 CEST', () => {
		expect(addOpenMinutes(soft, d('2026-03-27T16:00:00+01:00'), 120)).toEqual(
			d('2026-03-30T10:00:00+02:00')
		);
	});

	it('across fall-back (25 October 2026): Friday 16:00 CEST + 2 h → Monday 10:00 CET', () => {
		expect(addOpenMinutes(soft, d('2026-10-23T16:00:00+02:00'), 120)).toEqual(
			d('2026-10-26T10:00:00+01:00')
		);
	});

	it('rejects a negative or endless duration', () => {
		expect(() => addOpenMinutes(soft, d('2026-06-08T10:00:00+02:00'), -1)).toThrow(RangeError);
		expect(() => addOpenMinutes(soft, d('2026-06-08T10:00:00+02:00'), Infinity)).toThrow(
			RangeError
		);
	});
});

describe('a report filed while closed starts counting at the next opening', () => {
	it.each([
		['Saturday → Monday 09:00', '2026-06-13T10:00:00+02:00', '2026-06-15T09:00:00+02:00'],
		['Sunday night → Monday 09:00', '2026-06-14T23:59:00+02:00', '2026-06-15T09:00:00+02:00'],
		['lunch break → 13:30', '2026-06-08T12:30:00+02:00', '2026-06-08T13:30:00+02:00'],
		['12:15 sharp (closing) → 13:30', '2026-06-08T12:15:00+02:00', '2026-06-08T13:30:00+02:00'],
		['early morning → 09:00', '2026-06-08T07:00:00+02:00', '2026-06-08T09:00:00+02:00'],
		['Thursday evening → Friday 09:00', '2026-06-11T18:00:00+02:00', '2026-06-12T09:00:00+02:00'],
		['Friday 17:30 → Monday 09:00', '2026-06-12T17:30:00+02:00', '2026-06-15T09:00:00+02:00'],
		['Easter Monday → Tuesday 09:00', '2026-04-06T10:00:00+02:00', '2026-04-07T09:00:00+02:00'],
		['14 July → 15 July 09:00', '2026-07-14T10:00:00+02:00', '2026-07-15T09:00:00+02:00'],
		['open → itself', '2026-06-08T09:00:00+02:00', '2026-06-08T09:00:00+02:00']
	])('%s', (_, at, opening) => {
		expect(nextOpening(soft, d(at))).toEqual(d(opening));
	});

	it('Saturday + 1 h → Monday 10:00', () => {
		expect(addOpenMinutes(soft, d('2026-06-13T10:00:00+02:00'), 60)).toEqual(
			d('2026-06-15T10:00:00+02:00')
		);
	});

	it('a calendar that never opens is an error, not an endless loop', () => {
		const never: BusinessCalendar = { timeZone: PARIS, weekly: weekly({}), holidays: 'none' };
		expect(() => nextOpening(never, d('2026-06-08T10:00:00+02:00'))).toThrow(RangeError);
	});
});

describe('N days in business mode = same clock time on the N-th following business day', () => {
	it('Monday 13 July 10:00 + 1 day → Wednesday 15 July 10:00 (14 July skipped)', () => {
		expect(addBusinessDays(soft, d('2026-07-13T10:00:00+02:00'), 1)).toEqual(
			d('2026-07-15T10:00:00+02:00')
		);
	});

	it('Thursday 2 April 10:00 + 3 days → Wednesday 8 April 10:00 (weekend and Easter Monday skipped)', () => {
		expect(addBusinessDays(soft, d('2026-04-02T10:00:00+02:00'), 3)).toEqual(
			d('2026-04-08T10:00:00+02:00')
		);
	});

	it('a closed landing moment moves to the next opening: Thursday 17:30 + 1 day → Monday 09:00', () => {
		expect(addBusinessDays(soft, d('2026-06-11T17:30:00+02:00'), 1)).toEqual(
			d('2026-06-15T09:00:00+02:00')
		);
	});

	it('filed while closed counts from the opening: Saturday + 1 day → Tuesday 09:00; lunch + 3 days → 13:30', () => {
		expect(addBusinessDays(soft, d('2026-06-13T10:00:00+02:00'), 1)).toEqual(
			d('2026-06-16T09:00:00+02:00')
		);
		expect(addBusinessDays(soft, d('2026-06-12T12:30:00+02:00'), 3)).toEqual(
			d('2026-06-17T13:30:00+02:00')
		);
	});

	it('keeps the wall-clock time across fall-back: Friday 23 October 10:00 CEST + 1 → Monday 10:00 CET', () => {
		expect(addBusinessDays(soft, d('2026-10-23T10:00:00+02:00'), 1)).toEqual(
			d('2026-10-26T10:00:00+01:00')
		);
	});

	it('0 days is the next opening; fractional or negative days are rejected', () => {
		expect(addBusinessDays(soft, d('2026-06-13T10:00:00+02:00'), 0)).toEqual(
			d('2026-06-15T09:00:00+02:00')
		);
		expect(() => addBusinessDays(soft, d('2026-06-13T10:00:00+02:00'), 1.5)).toThrow(RangeError);
		expect(() => addBusinessDays(soft, d('2026-06-13T10:00:00+02:00'), -1)).toThrow(RangeError);
	});
});

describe('calendar-time mode and 24/7 coverage (000 §2, 001 §5.2)', () => {
	it('is always open: one interval, the instant itself, plain additions', () => {
		const from = d('2026-03-28T23:30:00+01:00');
		const to = d('2026-03-29T05:00:00+02:00');
		expect(openIntervals('24x7', from, to)).toEqual([{ start: from, end: to }]);
		expect(openMinutesBetween('24x7', from, to)).toBe(270);
		expect(nextOpening('24x7', from)).toEqual(from);
		expect(addOpenMinutes('24x7', from, 60)).toEqual(d('2026-03-29T00:30:00+01:00'));
		// no time zone: a day is 24 h, so 23:30 CET + 1 day = 00:30 CEST
		expect(addBusinessDays('24x7', from, 1)).toEqual(d('2026-03-30T00:30:00+02:00'));
	});

	it('October 2026 in Europe/Paris has 44,700 coverage minutes (monthly period, DST)', () => {
		const { start, end } = month('2026-10');
		expect(openMinutesBetween('24x7', start, end)).toBe(44_700);
	});
});

describe('coverage calendars: DST changes in a schedule (slots are wall-clock times)', () => {
	it('a schedule open every day gives one merged interval and the month length: March 44,580, October 44,700', () => {
		const march = month('2026-03');
		expect(openIntervals(everyDay, march.start, march.end)).toEqual([march]);
		expect(openMinutesBetween(everyDay, march.start, march.end)).toBe(44_580);
		const october = month('2026-10');
		expect(openMinutesBetween(everyDay, october.start, october.end)).toBe(44_700);
	});

	it('a slot 02:00–04:00 on Sundays lasts 1 h on 29 March and 3 h on 25 October 2026', () => {
		const night: BusinessCalendar = {
			timeZone: PARIS,
			weekly: weekly({ sun: [['02:00', '04:00']] }),
			holidays: 'fr'
		};
		const minutesOn = (date: string, next: string) =>
			openMinutesBetween(night, d(`${date}T00:00:00Z`), d(`${next}T00:00:00Z`));
		expect(minutesOn('2026-03-22', '2026-03-23')).toBe(120);
		expect(minutesOn('2026-03-29', '2026-03-30')).toBe(60);
		expect(minutesOn('2026-10-25', '2026-10-26')).toBe(180);
	});

	it('the softconcept week of the spring change still has 2,265 open minutes', () => {
		expect(
			openMinutesBetween(soft, d('2026-03-23T00:00:00+01:00'), d('2026-03-30T00:00:00+02:00'))
		).toBe(2265);
	});
});

describe('004 art. 6: Mon–Fri 08:00–18:00 coverage minus French public holidays', () => {
	it('May 2026: 21 weekdays − 4 holidays (1, 8, 14, 25 May) = 17 days × 600 = 10,200 minutes', () => {
		const { start, end } = month('2026-05');
		expect(openIntervals(axantis, start, end)).toHaveLength(17);
		expect(openMinutesBetween(axantis, start, end)).toBe(10_200);
	});

	it('an extra closed day (the bridge on Friday 15 May) removes 600 more', () => {
		const bridged = coverageCalendar({ ...axantisCoverage, closedDays: ['2026-05-15'] });
		const { start, end } = month('2026-05');
		expect(openMinutesBetween(bridged, start, end)).toBe(9_600);
	});

	it('April 2026: Easter Monday closed (12,600); Alsace-Moselle also closes Good Friday (12,000)', () => {
		const { start, end } = month('2026-04');
		expect(openMinutesBetween(axantis, start, end)).toBe(12_600);
		const alsace = coverageCalendar({ ...axantisCoverage, publicHolidays: 'fr-alsace-moselle' });
		expect(openMinutesBetween(alsace, start, end)).toBe(12_000);
	});

	it('October 2026 (fall-back on a Sunday) has 22 business days = 13,200 minutes', () => {
		const { start, end } = month('2026-10');
		expect(openMinutesBetween(axantis, start, end)).toBe(13_200);
	});
});

describe('at_risk: share of the allowed open time used', () => {
	const start = d('2026-06-08T09:00:00+02:00');
	const deadline = addOpenMinutes(soft, start, 240);

	it('a 4 h deadline from Monday 09:00 falls at 14:15', () => {
		expect(deadline).toEqual(d('2026-06-08T14:15:00+02:00'));
	});

	it.each([
		['before the start', '2026-06-08T08:00:00+02:00', 0],
		['11:00', '2026-06-08T11:00:00+02:00', 0.5],
		['12:15 (at risk)', '2026-06-08T12:15:00+02:00', 0.8125],
		['13:00, lunch does not count', '2026-06-08T13:00:00+02:00', 0.8125],
		['past the deadline', '2026-06-09T10:00:00+02:00', 1]
	])('%s', (_, now, share) => {
		expect(elapsedOpenFraction(soft, start, deadline, d(now))).toBe(share);
	});

	it('calendar mode and a deadline with no open time before it', () => {
		const s = d('2026-06-13T10:00:00+02:00');
		expect(
			elapsedOpenFraction('24x7', s, d('2026-06-13T14:00:00+02:00'), d('2026-06-13T13:00:00+02:00'))
		).toBe(0.75);
		expect(
			elapsedOpenFraction(soft, s, d('2026-06-13T12:00:00+02:00'), d('2026-06-13T11:00:00+02:00'))
		).toBe(0);
		expect(
			elapsedOpenFraction(soft, s, d('2026-06-13T12:00:00+02:00'), d('2026-06-13T12:00:00+02:00'))
		).toBe(1);
	});
});
