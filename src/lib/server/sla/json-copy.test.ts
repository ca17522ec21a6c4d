import { describe, expect, it } from 'vitest';
import { computeSla } from './availability';
import { jsonCopy } from './json-copy';
import { DB, monthInput, paris, WEB } from './testing';

const roundTrip = (value: unknown) => JSON.parse(JSON.stringify(value));

describe('a JSON copy without the text', () => {
	it('is what a JSON round trip gives of a report', () => {
		const report = computeSla(
			monthInput('alteo', '2026-11', {
				components: [WEB, DB],
				stretches: { [WEB.id]: [[paris('2026-11-10 10:00'), paris('2026-11-10 12:00'), 'down']] }
			})
		);
		expect(report.outages.length).toBeGreaterThan(0);
		expect(jsonCopy(report)).toStrictEqual(roundTrip(report));
	});

	it('writes Dates, drops what JSON cannot hold and keeps member order', () => {
		// eslint-disable-next-line no-sparse-arrays
		const sparse = [1, , 3];
		const value = {
			b: new Date(0),
			a: [undefined, () => 1, NaN, -0, Infinity, sparse],
			gone: undefined,
			nested: { z: null, y: [{ x: false }] },
			['__proto__']: { own: true }
		};
		const copy = jsonCopy(value);
		expect(copy).toStrictEqual(roundTrip(value));
		expect(JSON.stringify(copy)).toBe(JSON.stringify(value));
		expect(Object.keys(copy as object)).toEqual(['b', 'a', 'nested', '__proto__']);
	});
});
