import { describe, expect, it } from 'vitest';
import { overallStatus } from '$lib/monitoring';
import {
	pointCount,
	resolutionFor,
	toStatusItem,
	uptimeBars,
	uptimeDay,
	windowDays
} from './view-rules';

describe('overallStatus', () => {
	it('shows the worst current state', () => {
		expect(overallStatus(['up', 'degraded', 'up'])).toBe('degraded');
		expect(overallStatus(['up', 'unknown', 'down'])).toBe('down');
		expect(overallStatus(['up', 'up'])).toBe('up');
		expect(overallStatus([])).toBe('unknown');
	});
});

describe('uptimeDay (an unknown gap is not downtime)', () => {
	it('counts availability over the known time only', () => {
		const day = uptimeDay('2026-10-05', {
			upSeconds: 82_800,
			degradedSeconds: 1800,
			downSeconds: 1800,
			unknownSeconds: 0
		});
		expect(day).toEqual({
			day: '2026-10-05',
			availability: 97.917,
			downMinutes: 30,
			degradedMinutes: 30,
			maintenance: false
		});
		expect(
			uptimeDay('2026-10-05', {
				upSeconds: 3600,
				degradedSeconds: 0,
				downSeconds: 0,
				unknownSeconds: 82_800
			}).availability
		).toBe(100);
	});

	it('has no availability for a day without data', () => {
		expect(uptimeDay('2026-10-05', undefined).availability).toBeNull();
		expect(
			uptimeDay('2026-10-05', {
				upSeconds: 0,
				degradedSeconds: 0,
				downSeconds: 0,
				unknownSeconds: 86_400
			}).availability
		).toBeNull();
	});
});

describe('resolutionFor: a chart never reads more than 3,000 points', () => {
	const h = 3_600_000;
	it('picks minutes up to two days, hours up to four months, days beyond', () => {
		expect(resolutionFor(0, 24 * h)).toBe('minute');
		expect(resolutionFor(0, 50 * h)).toBe('minute');
		expect(resolutionFor(0, 51 * h)).toBe('hour');
		expect(resolutionFor(0, 30 * 24 * h)).toBe('hour');
		expect(resolutionFor(0, 200 * 24 * h)).toBe('day');
		expect(pointCount(0, 24 * h, 'minute')).toBe(1440);
	});
});

describe('overallStatus with planned maintenance', () => {
	it('ranks maintenance below an outage and above unknown', () => {
		expect(overallStatus(['up', 'maintenance'])).toBe('maintenance');
		expect(overallStatus(['maintenance', 'down'])).toBe('down');
		expect(overallStatus(['unknown', 'maintenance'])).toBe('maintenance');
	});
});

describe("uptimeBars: each component on its own client's calendar", () => {
	// 23:30 in Paris on 4 October is already 5 October in Auckland and still 4 October in New York.
	const now = new Date('2026-10-04T21:30:00Z');
	const fullDay = { upSeconds: 86_400, degradedSeconds: 0, downSeconds: 0, unknownSeconds: 0 };

	it('ends each row with today in its own timezone, 90 bars long', () => {
		const paris = uptimeBars('Europe/Paris', now, () => undefined, []);
		const auckland = uptimeBars('Pacific/Auckland', now, () => undefined, []);
		const newYork = uptimeBars('America/New_York', now, () => undefined, []);
		expect(paris).toHaveLength(90);
		expect(paris.at(-1)!.day).toBe('2026-10-04');
		expect(auckland.at(-1)!.day).toBe('2026-10-05');
		expect(auckland[0].day).toBe('2026-07-08');
		expect(newYork.at(-1)!.day).toBe('2026-10-04');
	});

	it("reads each day's figures by that calendar's date", () => {
		const figures = (day: string) => (day === '2026-10-05' ? fullDay : undefined);
		expect(uptimeBars('Pacific/Auckland', now, figures, []).at(-1)!.availability).toBe(100);
		expect(uptimeBars('Europe/Paris', now, figures, []).at(-1)!.availability).toBeNull();
	});

	it('marks maintenance on the day it fell in that timezone', () => {
		// 01:00–02:00 UTC on 4 October: 3–4 a.m. in Paris, 21–22 p.m. on 3 October in New York.
		const window = [
			{ start: new Date('2026-10-04T01:00:00Z'), end: new Date('2026-10-04T02:00:00Z') }
		];
		const marked = (tz: string) =>
			uptimeBars(tz, now, () => undefined, window)
				.filter((d) => d.maintenance)
				.map((d) => d.day);
		expect(marked('Europe/Paris')).toEqual(['2026-10-04']);
		expect(marked('America/New_York')).toEqual(['2026-10-03']);
	});
});

describe('windowDays', () => {
	const now = new Date('2026-10-05T10:00:00Z');
	it('covers every day a window spans, up to now, and nothing of a future one', () => {
		const days = windowDays(
			[
				{ start: new Date('2026-10-02T22:00:00Z'), end: new Date('2026-10-04T22:00:00Z') },
				{ start: new Date('2026-10-05T09:00:00Z'), end: new Date('2026-10-06T09:00:00Z') },
				{ start: new Date('2026-10-06T09:00:00Z'), end: new Date('2026-10-06T10:00:00Z') }
			],
			'Europe/Paris',
			now
		);
		expect([...days].sort()).toEqual(['2026-10-03', '2026-10-04', '2026-10-05']);
	});
});

describe('toStatusItem', () => {
	it('carries the bars in their compact form, with the day they end on', () => {
		const days = [uptimeDay('2026-10-04', undefined), uptimeDay('2026-10-05', undefined, true)];
		expect(
			toStatusItem('web-1', {
				name: 'Web',
				kind: 'server',
				status: 'up',
				since: null,
				maintenance: false,
				days
			})
		).toEqual({
			key: 'web-1',
			name: 'Web',
			kind: 'server',
			status: 'up',
			since: null,
			maintenance: false,
			bars: '-,-*',
			lastDay: '2026-10-05'
		});
	});
});
