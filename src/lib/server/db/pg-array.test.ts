import { describe, expect, it } from 'vitest';
import { pgArray } from './pg-array';

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
});
