import { describe, expect, it } from 'vitest';
import { countdownParts } from './countdown';

describe('countdownParts', () => {
	it('splits a span into days, hours, minutes and seconds', () => {
		expect(countdownParts(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000 + 999)).toEqual({
			days: 2,
			hours: 3,
			minutes: 4,
			seconds: 5
		});
	});

	it('drops the sign of an overdue span', () => {
		expect(countdownParts(-61_000)).toEqual({ days: 0, hours: 0, minutes: 1, seconds: 1 });
	});
});
