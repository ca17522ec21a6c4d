import { describe, expect, it } from 'vitest';
import { timeTicks } from './chart-ticks';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const span = (from: string, ms: number) => ({ from: at(from), to: at(from) + ms });

describe('time axis ticks', () => {
	it('puts the 1 h view on every 10 minutes of the wall clock', () => {
		const ticks = timeTicks(span('2026-06-10T10:17:00Z', HOUR), 'Europe/Paris', 'fr');
		expect(ticks.map((t) => t.label)).toEqual([
			'12:20',
			'12:30',
			'12:40',
			'12:50',
			'13:00',
			'13:10'
		]);
		expect(iso(ticks[0].at)).toBe('2026-06-10T10:20:00.000Z');
	});

	it('puts the 24 h view on 00:00, 06:00, 12:00 and 18:00 of the client, not of UTC', () => {
		const range = span('2026-06-10T10:17:00Z', DAY);
		const paris = timeTicks(range, 'Europe/Paris', 'fr');
		expect(paris.map((t) => t.label)).toEqual(['18:00', '00:00', '06:00', '12:00']);
		expect(paris.map((t) => iso(t.at))).toEqual([
			'2026-06-10T16:00:00.000Z',
			'2026-06-10T22:00:00.000Z',
			'2026-06-11T04:00:00.000Z',
			'2026-06-11T10:00:00.000Z'
		]);
		const newYork = timeTicks(range, 'America/New_York', 'en');
		expect(newYork.map((t) => t.label)).toEqual(['12:00', '18:00', '00:00', '06:00']);
		expect(iso(newYork[0].at)).toBe('2026-06-10T16:00:00.000Z');
		expect(iso(newYork[2].at)).toBe('2026-06-11T04:00:00.000Z');
	});

	it('stays on the hour across the spring change in Paris (a 23 h day)', () => {
		const ticks = timeTicks(span('2026-03-28T22:30:00Z', DAY), 'Europe/Paris', 'fr');
		expect(ticks.map((t) => t.label)).toEqual(['00:00', '06:00', '12:00', '18:00', '00:00']);
		expect(ticks.map((t) => iso(t.at))).toEqual([
			'2026-03-28T23:00:00.000Z',
			'2026-03-29T04:00:00.000Z',
			'2026-03-29T10:00:00.000Z',
			'2026-03-29T16:00:00.000Z',
			'2026-03-29T22:00:00.000Z'
		]);
	});

	it('shows the hour repeated in the autumn change in Paris twice, in time order', () => {
		const ticks = timeTicks(span('2026-10-25T00:25:00Z', HOUR), 'Europe/Paris', 'fr');
		expect(ticks.map((t) => t.label)).toEqual([
			'02:30',
			'02:40',
			'02:50',
			'02:00',
			'02:10',
			'02:20'
		]);
		expect(iso(ticks[3].at)).toBe('2026-10-25T01:00:00.000Z');
	});

	it('puts the 7 day view on each local midnight, across the New York spring change', () => {
		const ticks = timeTicks(span('2026-03-05T12:00:00Z', 7 * DAY), 'America/New_York', 'en');
		expect(ticks.map((t) => t.label)).toEqual([
			'Fri 6',
			'Sat 7',
			'Sun 8',
			'Mon 9',
			'Tue 10',
			'Wed 11',
			'Thu 12'
		]);
		expect(iso(ticks[2].at)).toBe('2026-03-08T05:00:00.000Z');
		expect(iso(ticks[3].at)).toBe('2026-03-09T04:00:00.000Z');
	});

	it('puts the 30 day view on the 1st, 6th, 11th, 16th, 21st and 26th at midnight', () => {
		const ticks = timeTicks(span('2026-06-20T12:00:00Z', 30 * DAY), 'Europe/Paris', 'fr');
		expect(ticks.map((t) => t.label)).toEqual([
			'21/06',
			'26/06',
			'01/07',
			'06/07',
			'11/07',
			'16/07'
		]);
		expect(iso(ticks[0].at)).toBe('2026-06-20T22:00:00.000Z');
	});

	it('keeps round minutes in a zone whose offset is not a whole hour', () => {
		const ticks = timeTicks(span('2026-06-10T10:00:00Z', HOUR), 'Asia/Kathmandu', 'fr');
		expect(ticks.map((t) => t.label)).toEqual([
			'15:50',
			'16:00',
			'16:10',
			'16:20',
			'16:30',
			'16:40'
		]);
		expect(iso(ticks[1].at)).toBe('2026-06-10T10:15:00.000Z');
	});
});
