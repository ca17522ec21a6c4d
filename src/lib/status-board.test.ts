import { describe, expect, it } from 'vitest';
import type { StatusItem } from './monitoring';
import { pageOf, statusBoard } from './status-board';

const item = (key: string, kind: string, status: StatusItem['status'], maintenance = false) =>
	({
		key,
		name: key,
		kind,
		status,
		since: null,
		maintenance,
		bars: '',
		lastDay: '2026-10-05'
	}) satisfies StatusItem;

describe('statusBoard', () => {
	it('puts what is wrong first, worst first, and groups the rest by kind in the kinds’ order', () => {
		const board = statusBoard([
			item('app-1', 'application', 'up'),
			item('db-1', 'database', 'unknown'),
			item('web-1', 'server', 'up'),
			item('web-2', 'server', 'degraded'),
			item('net', 'network', 'up', true),
			item('web-3', 'server', 'down'),
			item('odd', 'printer', 'up'),
			item('web-4', 'server', 'up')
		]);
		expect(board.attention.map((i) => i.key)).toEqual(['web-3', 'web-2', 'net', 'db-1']);
		expect(board.groups.map((g) => [g.kind, g.items.map((i) => i.key)])).toEqual([
			['server', ['web-1', 'web-4']],
			['application', ['app-1']],
			['printer', ['odd']]
		]);
	});

	it('has nothing to flag when all is up', () => {
		expect(statusBoard([item('a', 'server', 'up')]).attention).toEqual([]);
	});
});

describe('pageOf', () => {
	const list = Array.from({ length: 45 }, (_, i) => i);

	it('slices a page and says which items it shows', () => {
		expect(pageOf(list, 1, 20)).toMatchObject({ page: 1, pages: 3, from: 21, to: 40 });
		expect(pageOf(list, 2, 20).items).toEqual([40, 41, 42, 43, 44]);
	});

	it('keeps the page within the list when it shrinks', () => {
		expect(pageOf(list.slice(0, 5), 2, 20)).toMatchObject({ page: 0, pages: 1, from: 1, to: 5 });
		expect(pageOf([], 0, 20)).toMatchObject({ page: 0, pages: 1, from: 0, to: 0, items: [] });
	});
});
