import { describe, expect, it } from 'vitest';
import { chartFormatters } from './chart-format';

describe('chart formatters', () => {
	it("show tooltip times on the client's wall clock, whatever the browser's", () => {
		const at = Date.parse('2026-06-10T16:00:00Z');
		expect(chartFormatters('fr', 86_400_000, 'America/New_York').time(at)).toBe('12:00');
		expect(chartFormatters('fr', 86_400_000, 'Europe/Paris').time(at)).toBe('18:00');
		expect(chartFormatters('en', 7 * 86_400_000, 'Europe/Paris').time(at)).toBe('10/06, 18:00');
	});
});

describe('chart formatters, once built', () => {
	it('are shared by every chart of the same locale, span kind and time zone', () => {
		expect(chartFormatters('fr', 3_600_000, 'Europe/Paris')).toBe(
			chartFormatters('fr', 86_400_000, 'Europe/Paris')
		);
		expect(chartFormatters('fr', 7 * 86_400_000, 'Europe/Paris')).not.toBe(
			chartFormatters('fr', 86_400_000, 'Europe/Paris')
		);
		expect(chartFormatters('en', 86_400_000, 'Europe/Paris').bps(2_500_000)).toBe('2.5 MB/s');
	});
});
