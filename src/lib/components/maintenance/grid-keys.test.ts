import { describe, expect, it } from 'vitest';
import { gridKeyTarget } from './grid-keys';

describe('gridKeyTarget (WAI-ARIA grid keys)', () => {
	it.each([
		['2026-10-01', 'ArrowLeft', '2026-09-30'],
		['2026-10-31', 'ArrowRight', '2026-11-01'],
		['2026-10-01', 'ArrowUp', '2026-09-24'],
		['2026-10-29', 'ArrowDown', '2026-11-05'],
		// 2026-10-01 is a Thursday.
		['2026-10-01', 'Home', '2026-09-28'],
		['2026-10-01', 'End', '2026-10-04'],
		['2026-10-04', 'Home', '2026-09-28'],
		['2026-10-05', 'End', '2026-10-11'],
		['2026-10-15', 'PageUp', '2026-09-15'],
		['2026-03-31', 'PageUp', '2026-02-28'],
		['2026-01-31', 'PageDown', '2026-02-28'],
		['2026-12-10', 'PageDown', '2027-01-10'],
		['2026-10-24', 'ArrowDown', '2026-10-31']
	])('%s + %s → %s', (date, key, expected) => {
		expect(gridKeyTarget(date, key)).toBe(expected);
	});

	it('ignores other keys', () => {
		expect(gridKeyTarget('2026-10-01', 'a')).toBeNull();
		expect(gridKeyTarget('2026-10-01', 'Enter')).toBeNull();
	});
});
