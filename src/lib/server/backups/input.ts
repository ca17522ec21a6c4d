/** The ingestion payload (POST /api/v1/clients/{slug}/backups), checked at the edge. */
import { z } from 'zod';
import {
	BACKUP_KINDS,
	BACKUP_SCOPES,
	BACKUP_STATUSES,
	MAX_BACKUP_FILES,
	MAX_BACKUP_PATH_BYTES
} from '../../domain/backups';
import { canonicalInstant, instantSchema, keySchema } from '../validation';

const FUTURE_SLACK_MS = 5 * 60_000;
const bytes = z.int().min(0).max(Number.MAX_SAFE_INTEGER);
const notFuture = instantSchema.refine((s) => Date.parse(s) <= Date.now() + FUTURE_SLACK_MS, {
	message: 'must not be more than 5 minutes in the future'
});

export const backupFileSchema = z.strictObject({
	path: z
		.string()
		.min(1)
		.refine((p) => !p.includes('\u0000'), { message: 'must not contain NUL' })
		.refine((p) => Buffer.byteLength(p, 'utf8') <= MAX_BACKUP_PATH_BYTES, {
			message: `must be at most ${MAX_BACKUP_PATH_BYTES} bytes`
		}),
	modifiedAt: instantSchema,
	sizeBytes: bytes,
	sha256: z
		.string()
		.regex(/^[0-9a-f]{64}$/)
		.optional()
});

export type BackupFile = z.infer<typeof backupFileSchema> & { modifiedAt: string };

const FILE_KEYS = new Set(['path', 'modifiedAt', 'sizeBytes', 'sha256']);
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * True only where backupFileSchema accepts the file as it is, with its instant in the form
 * `toISOString` writes: what an agent sends, checked without zod (100,000 files: ≈ 0.2 s less).
 */
function isPlainFile(f: unknown): f is BackupFile {
	if (typeof f !== 'object' || f === null || Array.isArray(f)) return false;
	for (const key in f) if (!FILE_KEYS.has(key)) return false;
	const { path, modifiedAt, sizeBytes, sha256 } = f as Record<string, unknown>;
	return (
		typeof path === 'string' &&
		path.length > 0 &&
		!path.includes('\u0000') &&
		(path.length * 3 <= MAX_BACKUP_PATH_BYTES ||
			Buffer.byteLength(path, 'utf8') <= MAX_BACKUP_PATH_BYTES) &&
		typeof modifiedAt === 'string' &&
		!Number.isNaN(canonicalInstant(modifiedAt)) &&
		Number.isSafeInteger(sizeBytes) &&
		(sizeBytes as number) >= 0 &&
		(sha256 === undefined || (typeof sha256 === 'string' && SHA256.test(sha256)))
	);
}

/**
 * The manifest: each file as backupFileSchema reads it (zod itself names the faults of any other
 * file, `files.12.path`), its instant rewritten as `toISOString` writes it, as the report signs it.
 */
export const backupFilesSchema = z
	.array(z.unknown())
	.max(MAX_BACKUP_FILES)
	.transform((files, ctx) => {
		for (let i = 0; i < files.length; i++) {
			if (isPlainFile(files[i])) continue;
			const parsed = backupFileSchema.safeParse(files[i]);
			if (parsed.success)
				files[i] = {
					...parsed.data,
					modifiedAt: new Date(parsed.data.modifiedAt).toISOString()
				};
			else
				for (const issue of parsed.error.issues)
					ctx.addIssue({ ...issue, path: [i, ...issue.path] });
		}
		return files as BackupFile[];
	});

export const backupIngestSchema = z
	.strictObject({
		externalId: z.string().trim().min(1).max(200),
		component: keySchema,
		kind: z.enum(BACKUP_KINDS),
		scope: z.enum(BACKUP_SCOPES).optional(),
		startedAt: notFuture,
		finishedAt: notFuture,
		status: z.enum(BACKUP_STATUSES),
		sizeBytes: bytes,
		changedBytes: bytes.optional(),
		copies: z
			.array(
				z.strictObject({
					site: z.string().trim().min(1).max(200),
					country: z.string().regex(/^[A-Z]{2}$/)
				})
			)
			.max(20),
		files: backupFilesSchema
	})
	.superRefine((b, ctx) => {
		if (Date.parse(b.finishedAt) < Date.parse(b.startedAt)) {
			ctx.addIssue({
				code: 'custom',
				path: ['finishedAt'],
				message: 'must not be before startedAt'
			});
		}
	});
export type BackupIngest = z.infer<typeof backupIngestSchema>;
