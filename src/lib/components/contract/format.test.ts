import { describe, expect, it } from 'vitest';
import { creditText, percentText, presetTitle } from './format';

describe('contract wording (French, the default language)', () => {
	it('writes percentages with a decimal comma (001 §5.1: 2,5 % per started hour)', () => {
		expect(percentText(99.9)).toBe('99,9');
		expect(
			creditText({
				mode: 'slices',
				percentPerSlice: 2.5,
				sliceMinutes: 60,
				capPercent: 100
			} as never)
		).toContain('2,5');
	});

	it("names the contract, not the preset's key", () => {
		expect(presetTitle('alteo')).not.toMatch(/^alteo$|Modèle/);
	});
});
