/** The API's answers about backups, as zod schemas for the OpenAPI document. */
import { z } from 'zod';
import { BACKUP_FLAGS, BACKUP_KINDS, BACKUP_SCOPES, BACKUP_STATUSES } from '../../domain/backups';

const instant = z.iso.datetime();

export const ingestAnswerSchema = z.object({
	id: z.uuid(),
	authenticationKey: z.string(),
	receivedAt: instant
});

export const backupViewSchema = z.object({
	id: z.uuid(),
	externalId: z.string(),
	component: z.string(),
	componentName: z.string(),
	kind: z.enum(BACKUP_KINDS),
	scope: z.enum(BACKUP_SCOPES).nullable(),
	startedAt: instant,
	finishedAt: instant,
	durationSeconds: z.int(),
	status: z.enum(BACKUP_STATUSES),
	sizeBytes: z.int(),
	changedBytes: z.int().nullable(),
	copies: z.array(z.object({ site: z.string(), country: z.string() })),
	fileCount: z.int(),
	totalBytes: z.int(),
	reportSha256: z.string(),
	authenticationKey: z.string(),
	signingKeyId: z.string(),
	receivedAt: instant,
	receptionMailQueuedAt: instant.nullable(),
	flags: z.array(
		z.object({
			flag: z.enum(BACKUP_FLAGS),
			clause: z.string(),
			detail: z.record(z.string(), z.union([z.string(), z.number()]))
		})
	),
	retainedUntil: instant,
	withinRetention: z.boolean(),
	restorable: z.boolean()
});

export const backupListSchema = z.object({ backups: z.array(backupViewSchema) });

export const backupDetailSchema = backupViewSchema.extend({
	lastRestoreTest: z.object({ testedAt: instant, result: z.string(), note: z.string() }).nullable()
});

export const backupFilesSchema = z.object({
	page: z.int(),
	pageSize: z.int(),
	total: z.int(),
	search: z.string(),
	files: z.array(
		z.object({
			ordinal: z.int(),
			path: z.string(),
			modifiedAt: instant,
			sizeBytes: z.int(),
			sha256: z.string().nullable()
		})
	)
});

export const backupReportSchema = z.object({
	report: z.string(),
	authenticationKey: z.string(),
	reportSha256: z.string(),
	signingKeyId: z.string()
});

export const publicKeySchema = z.object({
	keyId: z.string(),
	algorithm: z.literal('Ed25519'),
	pem: z.string()
});

export const verifyResultSchema = z.object({ valid: z.boolean() });

/** `?format=` of the report and public-key routes: the file itself instead of JSON. */
export const reportFormatQuerySchema = z.object({ format: z.enum(['json', 'text']).optional() });
export const keyFormatQuerySchema = z.object({ format: z.enum(['json', 'pem']).optional() });

const complianceFigures = {
	expected: z.int(),
	received: z.int(),
	percent: z.number().nullable()
};

/** The month's backup compliance (received / expected), given beside the SLA report. */
export const backupComplianceSchema = z.object({
	month: z.string(),
	machines: z.array(
		z.object({ key: z.string(), name: z.string(), noBackupYet: z.boolean(), ...complianceFigures })
	),
	total: z.object(complianceFigures)
});
