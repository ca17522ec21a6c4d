import { describe, expect, it } from 'vitest';
import {
	buildManifest,
	cellText,
	checksumLines,
	completeMonths,
	csvHeader,
	csvRow,
	expiryOf,
	EXPORT_FORMAT_VERSION,
	jsonLine,
	jsonPieces,
	progressPercent
} from './format';

describe('export cells', () => {
	it('writes dates in ISO UTC, objects as JSON, nothing as empty', () => {
		expect(cellText(new Date('2026-03-01T10:00:00+01:00'))).toBe('2026-03-01T09:00:00.000Z');
		expect(cellText({ a: 1 })).toBe('{"a":1}');
		expect(cellText(null)).toBe('');
		expect(cellText(undefined)).toBe('');
		expect(cellText(false)).toBe('false');
		expect(cellText(12.5)).toBe('12.5');
	});

	it('neutralises formulas and quotes every cell', () => {
		const line = csvRow(['title', 'note', 'n'], {
			title: '=HYPERLINK("http://x")',
			note: '+1',
			n: 3
		});
		expect(line).toBe(`"'=HYPERLINK(""http://x"")","'+1","3"\r\n`);
		expect(csvRow(['a'], { a: '@SUM(A1)' })).toBe(`"'@SUM(A1)"\r\n`);
		expect(csvRow(['a'], { a: '-2' })).toBe(`"'-2"\r\n`);
	});

	it('keeps line breaks and quotes inside one quoted cell', () => {
		expect(csvRow(['a'], { a: 'two\nlines "quoted"' })).toBe('"two\nlines ""quoted"""\r\n');
	});

	it('writes a header of the columns', () => {
		expect(csvHeader(['id', 'name'])).toBe('"id","name"\r\n');
	});

	it('writes one JSON record per line, columns in order, missing ones null', () => {
		const line = jsonLine(['b', 'a', 'c'], { a: 1, b: new Date(0), extra: 'no' });
		expect(line).toBe('{"b":"1970-01-01T00:00:00.000Z","a":1,"c":null}\n');
	});
});

describe('JSON in pieces', () => {
	it('joins to exactly what JSON.stringify writes', () => {
		const values = [
			{
				month: '2026-03',
				frozen: true,
				monthly: null,
				report: {
					availability: 99.95,
					outages: [
						{ start: new Date(0), end: '1970-01-01T00:01:00.000Z', minutes: 1 },
						{ start: new Date(60_000), minutes: -0, skipped: undefined, fn: () => 1 }
					],
					nested: [[], {}, [1, [2, { a: [3] }]], [undefined, null, () => 1, NaN]],
					'quote"key': 'line\nbreak é'
				},
				gone: undefined
			},
			[],
			{},
			'text',
			12.5,
			null,
			new Date(1_000)
		];
		for (const value of values) {
			const pieces = [...jsonPieces(value)];
			expect(pieces.join('')).toBe(JSON.stringify(value));
		}
	});

	it('splits a long array at its elements', () => {
		const outages = Array.from({ length: 1000 }, (_, i) => ({ start: new Date(i), minutes: i }));
		const pieces = [...jsonPieces({ outages })];
		expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(60);
		expect(pieces.join('')).toBe(JSON.stringify({ outages }));
	});
});

describe('manifest', () => {
	const client = { id: 'c1', slug: 'acme', name: 'Acme' };
	it('lists files in name order with the format version', () => {
		const m = buildManifest({
			exportId: 'e1',
			client,
			generatedAt: new Date('2026-12-02T00:00:00Z'),
			files: [
				{ name: 'b.csv', sha256: 'bb', bytes: 2, rows: 1 },
				{ name: 'a.csv', sha256: 'aa', bytes: 1, rows: 0 }
			]
		});
		expect(m.formatVersion).toBe(EXPORT_FORMAT_VERSION);
		expect(m.format).toBe('hosting-portal-export');
		expect(m.generatedAt).toBe('2026-12-02T00:00:00.000Z');
		expect(m.files.map((f) => f.name)).toEqual(['a.csv', 'b.csv']);
		expect(checksumLines(m.files)).toBe('aa  a.csv\nbb  b.csv\n');
	});

	it('refuses two files of one name', () => {
		const f = { name: 'a.csv', sha256: 'aa', bytes: 1, rows: 0 };
		expect(() =>
			buildManifest({ exportId: 'e', client, generatedAt: new Date(), files: [f, f] })
		).toThrow(/a\.csv/);
	});
});

describe('progress and dates', () => {
	it('stays below 100 until the end', () => {
		expect(progressPercent(0, 0)).toBe(0);
		expect(progressPercent(1, 3)).toBe(33);
		expect(progressPercent(3, 3)).toBe(99);
		expect(progressPercent(5, 3)).toBe(99);
	});

	it('keeps a ready export seven days', () => {
		expect(expiryOf(new Date('2026-12-01T10:00:00Z')).toISOString()).toBe(
			'2026-12-08T10:00:00.000Z'
		);
	});

	it('lists complete months across a year end', () => {
		expect(completeMonths('2025-11', '2026-02')).toEqual(['2025-11', '2025-12', '2026-01']);
		expect(completeMonths('2026-02', '2026-02')).toEqual([]);
		expect(completeMonths('2026-03', '2026-02')).toEqual([]);
	});
});
