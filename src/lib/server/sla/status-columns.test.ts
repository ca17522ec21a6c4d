import { describe, expect, it } from 'vitest';
import { eachRow, StatusColumns } from './status-columns';
import type { StatusRow } from './types';

const rows: StatusRow[] = Array.from({ length: 10_000 }, (_, i) => ({
	componentId: i % 3 === 0 ? 'web' : 'db',
	status: (['up', 'down', 'degraded', 'unknown'] as const)[i % 4],
	from: new Date(1_772_323_200_000 + i * 60_000),
	to: i === 9_999 ? null : new Date(1_772_323_260_000 + i * 60_000)
}));

const read = (from: StatusRow[] | StatusColumns) => {
	const seen: unknown[] = [];
	eachRow(from, (...row) => seen.push(row));
	return seen;
};

describe('status rows in columns', () => {
	it('give back every row as pushed, in order, across blocks', () => {
		const columns = new StatusColumns();
		for (const r of rows)
			columns.push(r.componentId, r.status, r.from.getTime(), r.to?.getTime() ?? null);
		expect(columns.length).toBe(rows.length);
		expect(read(columns)).toEqual(read(rows));
		expect(read(rows)[9_999]).toEqual(['web', 'unknown', rows[9_999].from.getTime(), null]);
	});

	it('answer `some` with each row as a StatusRow', () => {
		const columns = new StatusColumns();
		for (const r of rows)
			columns.push(r.componentId, r.status, r.from.getTime(), r.to?.getTime() ?? null);
		expect(
			columns.some((r) => r.to === null && r.from.getTime() === rows[9_999].from.getTime())
		).toBe(true);
		expect(columns.some((r) => r.componentId === 'other')).toBe(false);
	});
});
