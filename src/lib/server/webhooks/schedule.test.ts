import { describe, expect, it } from 'vitest';
import { attemptOffsets, GIVE_UP_AFTER_MS, nextAttemptAt, retryDelayMs } from './schedule';

describe('webhook retry back-off (issue 11 §6: first retry within 60 s, for 24 h)', () => {
	it('retries first within a minute, then doubles up to an hour', () => {
		expect(retryDelayMs(1)).toBe(30_000);
		expect(retryDelayMs(1)).toBeLessThanOrEqual(60_000);
		expect([2, 3, 4, 5, 6, 7].map(retryDelayMs)).toEqual([
			60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000
		]);
		expect(retryDelayMs(8)).toBe(3_600_000);
		expect(retryDelayMs(500)).toBe(3_600_000);
		expect(retryDelayMs(0)).toBe(30_000);
	});

	it('keeps trying for 24 h, then gives up', () => {
		const offsets = attemptOffsets();
		expect(offsets[1]).toBe(30_000);
		expect(offsets.at(-1)!).toBeLessThanOrEqual(GIVE_UP_AFTER_MS);
		expect(offsets.at(-1)! + 3_600_000).toBeGreaterThan(GIVE_UP_AFTER_MS);
		// The first attempt, 7 doubling retries (63.5 min in all), then 22 hourly ones.
		expect(offsets).toHaveLength(30);
	});

	it('schedules nothing past the give-up time', () => {
		const now = new Date('2026-12-02T10:00:00Z');
		const giveUp = new Date('2026-12-02T10:10:00Z');
		expect(nextAttemptAt(1, now, giveUp)).toEqual(new Date('2026-12-02T10:00:30Z'));
		expect(nextAttemptAt(6, now, giveUp)).toBeNull();
	});
});
