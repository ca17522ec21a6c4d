import { describe, expect, it } from 'vitest';
import { indexOfPaths, indexOfText, manifestIndex, searchManifest } from './manifest-search';

const indexOf = (paths: string[], separator = '\u0000') =>
	manifestIndex(paths.join(separator), separator, paths.length)!;

describe('searchManifest', () => {
	const paths = [
		'/srv/Data/a.dat',
		'/srv/data/b.DAT.dat',
		'/etc/passwd',
		'/srv/100%_sure\n.txt',
		'/home/Élise/notes.md'
	];
	const index = indexOf(paths);

	it('matches a substring whatever its case, each path once', () => {
		expect(searchManifest(index, 'DATA/', 0, 50)).toEqual({ total: 2, ordinals: [0, 1] });
		expect(searchManifest(index, '.dat', 0, 50)).toEqual({ total: 2, ordinals: [0, 1] });
		expect(searchManifest(index, 'élise', 0, 50)).toEqual({ total: 1, ordinals: [4] });
	});

	it('takes % _ and control characters literally', () => {
		expect(searchManifest(index, '%', 0, 50)).toEqual({ total: 1, ordinals: [3] });
		expect(searchManifest(index, '0%_s', 0, 50).ordinals).toEqual([3]);
		expect(searchManifest(index, '_', 0, 50).ordinals).toEqual([3]);
		expect(searchManifest(index, 'sure\n.', 0, 50).ordinals).toEqual([3]);
	});

	it('never matches across two paths', () => {
		expect(searchManifest(index, 'dat\u0000/srv', 0, 50)).toEqual({ total: 0, ordinals: [] });
		expect(searchManifest(index, 'passwd/srv', 0, 50).total).toBe(0);
	});

	it('pages the matches in ordinal order', () => {
		const many = indexOf(Array.from({ length: 120 }, (_, i) => `/d/dir-${i % 10}/f-${i}`));
		const page = searchManifest(many, 'dir-7/', 5, 4);
		expect(page).toEqual({ total: 12, ordinals: [57, 67, 77, 87] });
		expect(searchManifest(many, 'dir-7/', 12, 50)).toEqual({ total: 12, ordinals: [] });
	});

	it('refuses a separator a path holds, and then never matches it', () => {
		expect(manifestIndex(paths.join('\n'), '\n', paths.length)).toBeNull();
		const byLine = indexOf(['/a/b', '/c/d'], '\n');
		expect(searchManifest(byLine, 'b\n/c', 0, 50).total).toBe(0);
		expect(searchManifest(byLine, '/C/', 0, 50).ordinals).toEqual([1]);
	});

	it('finds nothing in an empty manifest', () => {
		expect(searchManifest(indexOf([]), 'a', 0, 50)).toEqual({ total: 0, ordinals: [] });
	});
});

describe('indexOfPaths', () => {
	const files = (paths: string[]) => paths.map((path) => ({ path }));

	it('joins by a newline, or by the first control character no path holds', () => {
		expect(indexOfPaths(files(['/A/b', '/c']))).toMatchObject({
			separator: '\n',
			text: '/a/b\n/c\n'
		});
		expect(indexOfPaths(files(['/a\nb', '/c\u0001']))?.separator).toBe('\u0002');
		const every = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
		expect(indexOfPaths(files([`/x${every}`]))).toBeNull();
	});

	it('reads back from its text as stored', () => {
		const index = indexOfPaths(files(['/srv/Data/a.dat', '/x\ny', '/Élise']))!;
		const again = indexOfText(index.text, index.separator, 3)!;
		expect(again).toEqual(index);
		expect(searchManifest(again, 'x\ny', 0, 50).ordinals).toEqual([1]);
		expect(indexOfText(index.text, index.separator, 2)).toBeNull();
		expect(indexOfText('', '\n', 0)).toEqual(indexOfPaths([]));
	});
});
