import { describe, expect, it } from 'vitest';
import { supportCalendar } from '../calendar/business-calendar';
import { PRESETS } from '../contracts/presets';
import { PARIS, paris } from '../sla/testing';
import { discouragedSlots, type SlotWarning } from './slots';

const slots = (preset: keyof typeof PRESETS, start: string, end: string) =>
	discouragedSlots(
		{ start: paris(start), end: paris(end) },
		PRESETS[preset],
		supportCalendar(PRESETS[preset].support, PARIS),
		PARIS
	);

describe('001 §4.1.3: slots advised against (alteo), warnings only', () => {
	// alteo support: Mon–Fri 09:00–18:00, French holidays closed; preferred in business hours (001 §4.1.1).
	const cases: [string, string, string, SlotWarning[]][] = [
		['Tuesday morning', '2026-11-24 10:00', '2026-11-24 11:00', []],
		[
			'ending at 16:00 sharp is before "après 16 heures"',
			'2026-11-24 15:00',
			'2026-11-24 16:00',
			[]
		],
		['after 16:00 on a weekday', '2026-11-24 15:30', '2026-11-24 16:30', ['late_weekday']],
		[
			'a weekday night: after 16:00 and outside business hours',
			'2026-11-24 22:00',
			'2026-11-25 02:00',
			['late_weekday', 'outside_business_hours']
		],
		['Friday morning', '2026-11-27 10:00', '2026-11-27 11:00', []],
		['Friday afternoon', '2026-11-27 13:00', '2026-11-27 14:00', ['friday_afternoon']],
		['Saturday', '2026-11-28 10:00', '2026-11-28 11:00', ['weekend', 'outside_business_hours']],
		['the morning of a holiday eve (Tue 10 Nov)', '2026-11-10 10:00', '2026-11-10 11:00', []],
		['the afternoon of a holiday eve', '2026-11-10 14:00', '2026-11-10 15:00', ['holiday_eve']],
		[
			'a public holiday (Wed 11 Nov), closed for support too',
			'2026-11-11 10:00',
			'2026-11-11 11:00',
			['holiday', 'outside_business_hours']
		],
		// Sun 25 Oct: clocks fall back; Monday's 16:00 is read in CET.
		['Monday after the October change, before 16:00', '2026-10-26 15:00', '2026-10-26 16:00', []],
		['…and after', '2026-10-26 15:30', '2026-10-26 16:30', ['late_weekday']]
	];
	it.each(cases)('%s', (_, start, end, warnings) => {
		expect(slots('alteo', start, end)).toEqual(warnings);
	});
});

describe('000 §1.4: preferably outside business hours (softconcept), no slot advice otherwise', () => {
	it('warns of a window in support hours, not of nights or weekends', () => {
		expect(slots('softconcept', '2026-11-24 10:00', '2026-11-24 10:30')).toEqual([
			'during_business_hours'
		]);
		expect(slots('softconcept', '2026-11-24 22:00', '2026-11-24 22:30')).toEqual([]);
		expect(slots('softconcept', '2026-11-28 10:00', '2026-11-28 12:00')).toEqual([]);
		expect(slots('softconcept', '2026-11-27 13:00', '2026-11-27 14:00')).toEqual([
			'during_business_hours'
		]);
	});
});
