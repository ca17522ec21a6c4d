import { describe, expect, it } from 'vitest';
import { countQuery, DATASETS, headerOf, rowsQuery } from './datasets';

describe('export datasets', () => {
	it('are named once each and scoped to the client ($1)', () => {
		const names = DATASETS.map((d) => d.name);
		expect(new Set(names).size).toBe(names.length);
		for (const d of DATASETS) {
			expect(d.from, d.name).toMatch(/\$1/);
			expect(rowsQuery(d), d.name).toMatch(/ order by /);
			expect(countQuery(d), d.name).toMatch(/^select count\(\*\)::int as n from /);
		}
	});

	it('name every column once, joined ones after what they are', () => {
		for (const d of DATASETS) {
			const header = headerOf(d);
			expect(new Set(header).size, d.name).toBe(header.length);
		}
		expect(headerOf(DATASETS.find((d) => d.name === 'status_timeline')!)[0]).toBe('component_key');
		expect(headerOf(DATASETS.find((d) => d.name === 'incident_timeline')!)[0]).toBe(
			'incident_number'
		);
	});

	it('leave out secrets and the provider’s internal notes', () => {
		const all = DATASETS.flatMap((d) => headerOf(d));
		for (const secret of ['password_hash', 'token_hash', 'private_key_pem', 'internal'])
			expect(all).not.toContain(secret);
		const timeline = DATASETS.find((d) => d.name === 'incident_timeline')!;
		expect(timeline.from).toContain('not t.internal');
		expect(DATASETS.find((d) => d.name === 'maintenance')!.from).toContain(
			'announced_at is not null'
		);
	});
});
