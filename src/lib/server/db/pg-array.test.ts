import { describe, expect, it } from 'vitest';
import { numberText, pgArray } from './pg-array';

describe('pgArray', () => {
	it('quotes every string, so that none reads as NULL or splits', () => {
		expect(pgArray(['null', 'a,b', 'say "hi"', 'back\\slash', ''])).toBe(
			'{"null","a,b","say \\"hi\\"","back\\\\slash",""}'
		);
	});

	it('writes numbers as they are and missing values as NULL', () => {
		expect(pgArray([1, 0.5, 1e21, null, undefined])).toBe('{1,0.5,1e+21,NULL,NULL}');
		expect(pgArray([])).toBe('{}');
	});

	it('writes every number as String does', () => {
		const edges = [0, -0, 1, -1, 0.1, 0.5, 9.9, 99.95, 42.3, -42.3, 0.30000000000000004, 1e-7];
		const more = [2147483647, 214748364.7, 214748364.8, 1e13, 1e21, NaN, Infinity, -Infinity];
		const random = Array.from({ length: 20_000 }, (_, i) =>
			i % 2 ? Math.round(Math.random() * 1e6) / 10 : Math.random() * 10 ** (i % 14)
		);
		for (const v of [...edges, ...more, ...random])
			expect(numberText(v), String(v)).toBe(String(v));
	});
});
