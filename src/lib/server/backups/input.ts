/** The ingestion payload (POST /api/v1/clients/{slug}/backups), checked at the edge. */
import { z } from 'zod';
import {
	BACKUP_KINDS,
	BACKUP_SCOPES,
	BACKUP_STATUSES,
	MAX_BACKUP_FILES,
	MAX_BACKUP_PATH_BYTES
} from '../../domain/backups';
import { instantSchema, keySchema } from '../validation';

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
		files: z.array(backupFileSchema).max(MAX_BACKUP_FILES)
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
