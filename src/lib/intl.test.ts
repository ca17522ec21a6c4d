import { describe, expect, it } from 'vitest';
import { dateTimeFormat, formatBytes, numberFormat } from './intl';

describe('Intl format caches', () => {
	it('hand back the same formatter for the same options object and for equal inline options', () => {
		const options = { dateStyle: 'medium', timeZone: 'UTC' } as const;
		expect(dateTimeFormat('fr-FR', options)).toBe(dateTimeFormat('fr-FR', options));
		expect(dateTimeFormat('fr-FR', { dateStyle: 'medium', timeZone: 'UTC' })).toBe(
			dateTimeFormat('fr-FR', options)
		);
		expect(numberFormat('en-GB', { maximumFractionDigits: 2 })).toBe(
			numberFormat('en-GB', { maximumFractionDigits: 2 })
		);
	});

	it('keep locales and options apart', () => {
		const options = { maximumFractionDigits: 1 };
		expect(numberFormat('fr-FR', options).format(1234.56)).toBe('1\u202f234,6');
		expect(numberFormat('en-GB', options).format(1234.56)).toBe('1,234.6');
		expect(numberFormat('en-GB', { maximumFractionDigits: 0 }).format(1234.56)).toBe('1,235');
		const at = new Date('2026-06-10T16:00:00Z');
		expect(dateTimeFormat('en-GB', { hour: '2-digit', timeZone: 'UTC' }).format(at)).toBe('16');
		expect(dateTimeFormat('en-GB', { hour: '2-digit', timeZone: 'Asia/Tokyo' }).format(at)).toBe(
			'01'
		);
	});

	it('format bytes in decimal units, in the reader’s words', () => {
		expect(formatBytes(999, 'fr')).toBe('999 o');
		expect(formatBytes(1_500_000, 'en')).toBe('1.5 MB');
	});
});
