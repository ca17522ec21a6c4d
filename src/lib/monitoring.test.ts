import { describe, expect, it } from 'vitest';
import { displayStatus, overallStatus } from './monitoring';

describe('the maintenance status shown during a published window (issue 11)', () => {
	it('wins over the monitored state, down included: the interruption is the announced one', () => {
		expect(displayStatus({ status: 'down', maintenance: true })).toBe('maintenance');
		expect(displayStatus({ status: 'up', maintenance: true })).toBe('maintenance');
		expect(displayStatus({ status: 'down', maintenance: false })).toBe('down');
	});

	it('a component down outside any window still makes the banner down', () => {
		expect(overallStatus(['maintenance', 'down', 'up'])).toBe('down');
		expect(overallStatus(['maintenance', 'up'])).toBe('maintenance');
		expect(overallStatus([])).toBe('unknown');
	});
});
