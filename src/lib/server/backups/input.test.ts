import { describe, expect, it } from 'vitest';
import { backupFileSchema, backupFilesSchema } from './input';

const file = { path: '/srv/a.dat', modifiedAt: '2026-12-01T22:00:00.000Z', sizeBytes: 12 };

describe('backupFilesSchema', () => {
	it('keeps a file as an agent sends it, and rewrites any other instant as toISOString does', () => {
		const sent = [
			file,
			{ ...file, modifiedAt: '2026-12-01T23:00:00+01:00', sha256: 'a'.repeat(64) }
		];
		const parsed = backupFilesSchema.parse(sent);
		expect(parsed[0]).toBe(sent[0]);
		expect(parsed[1]).toEqual({ ...sent[1], modifiedAt: '2026-12-01T22:00:00.000Z' });
	});

	it('refuses what backupFileSchema refuses, naming the file and its field', () => {
		const bad: [unknown, string][] = [
			[{ ...file, path: '' }, 'path'],
			[{ ...file, path: 'a\u0000b' }, 'path'],
			[{ ...file, path: 'é'.repeat(2049) }, 'path'],
			[{ ...file, modifiedAt: '2026-02-30T00:00:00.000Z' }, 'modifiedAt'],
			[{ ...file, modifiedAt: '1999-12-31T23:59:59.999Z' }, 'modifiedAt'],
			[{ ...file, sizeBytes: -1 }, 'sizeBytes'],
			[{ ...file, sizeBytes: 1.5 }, 'sizeBytes'],
			[{ ...file, sizeBytes: 2 ** 53 }, 'sizeBytes'],
			[{ ...file, sha256: 'A'.repeat(64) }, 'sha256'],
			[{ ...file, sha256: null }, 'sha256']
		];
		for (const [f, field] of bad) {
			expect(backupFileSchema.safeParse(f).success).toBe(false);
			const issues = backupFilesSchema.safeParse([file, f]).error?.issues ?? [];
			expect(issues.map((i) => i.path)).toContainEqual([1, field]);
		}
		expect(backupFilesSchema.safeParse([{ ...file, owner: 'root' }]).success).toBe(false);
		expect(backupFilesSchema.safeParse([null]).success).toBe(false);
	});

	it('accepts a path of 4,096 bytes, not one more', () => {
		expect(backupFilesSchema.safeParse([{ ...file, path: 'é'.repeat(2048) }]).success).toBe(true);
		expect(backupFilesSchema.safeParse([{ ...file, path: 'a'.repeat(4097) }]).success).toBe(false);
	});
});
