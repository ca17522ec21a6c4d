import { describe, expect, it } from 'vitest';
import { formatSize } from './export-labels';

describe('export sizes', () => {
	it('picks the largest decimal unit under 1,000', () => {
		expect(formatSize(512, 'en')).toBe('512 byte');
		expect(formatSize(1_500, 'en')).toBe('1.5 kB');
		expect(formatSize(23_400_000, 'en')).toBe('23.4 MB');
		expect(formatSize(2_000_000_000_000, 'en')).toBe('2,000 GB');
	});
});
