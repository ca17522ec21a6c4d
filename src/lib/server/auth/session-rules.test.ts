import { describe, expect, it } from 'vitest';
import { sessionExpiresAt, sessionLimits, shouldTouch } from './session-rules';

const settings = { staffIdleMinutes: 720, memberIdleMinutes: 43_200, absoluteLifetimeHours: 720 };
const H = 3_600_000;
const t0 = new Date('2026-12-01T08:00:00Z');

describe('session lifetime (idle timeout, absolute lifetime)', () => {
	it('staff sessions end after 12 h without use', () => {
		const limits = sessionLimits(true, settings);
		const end = sessionExpiresAt({ createdAt: t0, lastSeenAt: new Date(t0.getTime() + H) }, limits);
		expect(end.getTime() - t0.getTime()).toBe(13 * H);
	});
	it('member sessions idle for 30 days, but never outlive the absolute lifetime', () => {
		const limits = sessionLimits(false, settings);
		const lastSeen = new Date(t0.getTime() + 20 * 24 * H);
		const end = sessionExpiresAt({ createdAt: t0, lastSeenAt: lastSeen }, limits);
		expect(end.getTime() - t0.getTime()).toBe(30 * 24 * H);
	});
	it('writes last seen at most once a minute', () => {
		expect(shouldTouch(t0, new Date(t0.getTime() + 59_000))).toBe(false);
		expect(shouldTouch(t0, new Date(t0.getTime() + 60_000))).toBe(true);
	});
});
