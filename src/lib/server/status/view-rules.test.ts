import { describe, expect, it } from 'vitest';
import { overallStatus } from '$lib/monitoring';
import { pointCount, resolutionFor, uptimeDay } from './view-rules';

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
