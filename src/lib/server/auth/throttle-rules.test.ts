import { describe, expect, it } from 'vitest';
import {
	delayAfterFailures,
	FREE_ACCOUNT_FAILURES,
	MAX_DELAY_SECONDS,
	retryAfterSeconds
} from './throttle-rules';

describe('login throttling rules (000 §5: dictionary / brute force)', () => {
	it('lets the first failures through without delay', () => {
		for (let n = 0; n <= FREE_ACCOUNT_FAILURES; n++)
			expect(delayAfterFailures(n, FREE_ACCOUNT_FAILURES)).toBe(0);
	});

	it('doubles the delay after each further failure, up to the cap', () => {
		const delays = [1, 2, 3, 4, 5].map((k) =>
			delayAfterFailures(FREE_ACCOUNT_FAILURES + k, FREE_ACCOUNT_FAILURES)
		);
		expect(delays).toEqual([1, 2, 4, 8, 16]);
		expect(delayAfterFailures(100, FREE_ACCOUNT_FAILURES)).toBe(MAX_DELAY_SECONDS);
	});

	it('a 20-try dictionary attack meets a delay long before its 20th try', () => {
		const firstBlocked = Array.from({ length: 20 }, (_, i) => i + 1).find(
			(n) => delayAfterFailures(n, FREE_ACCOUNT_FAILURES) > 0
		);
		expect(firstBlocked).toBeLessThan(20);
	});

	it('rounds the Retry-After up to whole seconds', () => {
		const now = new Date('2026-01-01T00:00:00Z');
		expect(retryAfterSeconds(new Date(now.getTime() + 1500), now)).toBe(2);
		expect(retryAfterSeconds(new Date(now.getTime() - 10), now)).toBe(0);
		expect(retryAfterSeconds(null, now)).toBe(0);
	});
});
