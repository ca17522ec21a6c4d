import { describe, expect, it } from 'vitest';
import {
	expandRecurrence,
	MAX_OCCURRENCES,
	occurrencesOverlap,
	parseRecurrence,
	type ParsedRule
} from './recurrence';

const PARIS = 'Europe/Paris';
const rule = (text: string) => parseRecurrence(text) as ParsedRule;
/** First Tuesday of January 2027, 22:00–23:00 in Paris (UTC+1). */
const first = { start: new Date('2027-01-05T21:00:00Z'), end: new Date('2027-01-05T22:00:00Z') };

describe('parseRecurrence: RFC 5545 §3.3.10 RRULE values', () => {
	it.each([
		'FREQ=MONTHLY;BYDAY=1TU',
		'RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH',
		'freq=monthly;bymonthday=-1;count=6',
		'FREQ=YEARLY;BYMONTH=8;BYDAY=-1SU;UNTIL=20301231',
		'FREQ=DAILY;UNTIL=20270301T000000Z;WKST=MO'
	])('accepts %s', (text) => expect(parseRecurrence(text)).not.toBeNull());

	it.each([
		'',
		'garbage',
		'FREQ=FOO',
		'FREQ=HOURLY',
		'BYDAY=MO',
		'FREQ=WEEKLY;BYDAY=XX',
		'FREQ=DAILY;COUNT=abc',
		'FREQ=DAILY;INTERVAL=0',
		'FREQ=WEEKLY;COUNT=3;UNTIL=20270101',
		'FREQ=WEEKLY;FREQ=DAILY',
		'FREQ=WEEKLY;DTSTART=20270101T000000Z',
		'FREQ=MONTHLY;BYDAY=1TU;'
	])('refuses %j', (text) => expect(parseRecurrence(text)).toBeNull());
});

describe('expandRecurrence', () => {
	it('keeps 22:00 on the Paris wall clock across the spring and autumn DST changes', () => {
		const all = expandRecurrence(rule('FREQ=MONTHLY;BYDAY=1TU'), first, PARIS);
		// 12 months after 5 January 2027: the first Tuesday of January 2028 is still inside.
		expect(all).toHaveLength(13);
		const local = all.map((o) => o.start.toLocaleString('sv-SE', { timeZone: PARIS }).slice(0, 16));
		expect(local.slice(0, 5)).toEqual([
			'2027-01-05 22:00',
			'2027-02-02 22:00',
			'2027-03-02 22:00',
			'2027-04-06 22:00',
			'2027-05-04 22:00'
		]);
		expect(local.every((l) => l.endsWith('22:00'))).toBe(true);
		// Summer time (UTC+2) from 28 March 2027, winter time again from 31 October 2027.
		expect(all[3].start.toISOString()).toBe('2027-04-06T20:00:00.000Z');
		expect(all[10].start.toISOString()).toBe('2027-11-02T21:00:00.000Z');
		expect(all.every((o) => o.end.getTime() - o.start.getTime() === 3_600_000)).toBe(true);
	});

	it('stops at the horizon of 12 months, at COUNT, at UNTIL and at the latest start allowed', () => {
		expect(expandRecurrence(rule('FREQ=WEEKLY'), first, PARIS)).toHaveLength(MAX_OCCURRENCES);
		expect(expandRecurrence(rule('FREQ=MONTHLY;BYDAY=1TU;COUNT=3'), first, PARIS)).toHaveLength(3);
		const until = expandRecurrence(rule('FREQ=MONTHLY;BYDAY=1TU;UNTIL=20270302'), first, PARIS);
		expect(until.map((o) => o.start.toISOString().slice(0, 10))).toEqual([
			'2027-01-05',
			'2027-02-02',
			'2027-03-02'
		]);
		const capped = expandRecurrence(rule('FREQ=MONTHLY;BYDAY=1TU'), first, PARIS, {
			latestStart: new Date('2027-02-10T00:00:00Z')
		});
		expect(capped).toHaveLength(2);
	});

	it('drops the exceptions: a local date, or the instant of one occurrence', () => {
		const all = expandRecurrence(rule('FREQ=MONTHLY;BYDAY=1TU;COUNT=4'), first, PARIS, {
			exceptions: ['2027-02-02', '2027-03-02T21:00:00Z']
		});
		expect(all.map((o) => o.start.toISOString())).toEqual([
			'2027-01-05T21:00:00.000Z',
			'2027-04-06T20:00:00.000Z'
		]);
	});

	it('finds overlapping occurrences', () => {
		const long = { start: first.start, end: new Date(first.start.getTime() + 2 * 86_400_000) };
		expect(occurrencesOverlap(expandRecurrence(rule('FREQ=DAILY;COUNT=3'), long, PARIS))).toBe(
			true
		);
		expect(occurrencesOverlap(expandRecurrence(rule('FREQ=DAILY;COUNT=3'), first, PARIS))).toBe(
			false
		);
	});
});
