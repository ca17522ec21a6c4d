import { describe, expect, it } from 'vitest';
import { formGuardIssues, guardIssues, MAX_JSON_DEPTH } from './input-guard';

describe('input guard', () => {
	it('names every field that carries a NUL character', () => {
		expect(guardIssues({ title: 'ok', description: 'a\u0000b', tags: ['x', '\u0000'] })).toEqual({
			description: 'nul',
			'tags.1': 'nul'
		});
		expect(guardIssues('\u0000')).toEqual({ _: 'nul' });
	});

	it('finds a NUL anywhere in a large body, in a value or in a key', () => {
		const batch = (last: unknown) => ({
			samples: [...Array.from({ length: 999 }, (_, i) => ({ at: `t${i}`, cpuPct: i })), last]
		});
		expect(guardIssues(batch({ at: 't', cpuPct: 1 }))).toEqual({});
		expect(guardIssues(batch({ at: 't\u0000' }))).toEqual({ 'samples.999.at': 'nul' });
		expect(guardIssues(batch({ ['c\u0000']: 1 }))).toEqual({ 'samples.999': 'nul' });
	});

	it('refuses nesting deeper than the limit, and accepts it at the limit', () => {
		const nest = (n: number): unknown => (n === 0 ? 1 : { a: nest(n - 1) });
		expect(guardIssues(nest(MAX_JSON_DEPTH))).toEqual({});
		expect(Object.values(guardIssues({ contract: { overrides: nest(3000) } }))).toEqual(['depth']);
	});

	it('checks posted forms field by field', () => {
		const data = new FormData();
		data.set('name', 'Acme\u0000');
		data.set('email', 'a@b.test');
		expect(formGuardIssues(data)).toEqual({ name: 'nul' });
	});
});
