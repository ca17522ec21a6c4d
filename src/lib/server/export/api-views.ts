import { z } from 'zod';
import { EXPORT_STATUSES } from '../db/schema';

/**
 * What /api/v1 answers about exports, with the zod schemas the OpenAPI document is generated
 * from (`api/openapi-exports.ts`). The body of an ask: an empty object (nothing to choose yet).
 */
export const requestExportSchema = z.strictObject({});

const instant = z.iso.datetime();

export const exportSchema = z.strictObject({
	id: z.uuid(),
	status: z.enum(EXPORT_STATUSES),
	percent: z.number().int().min(0).max(100),
	step: z.string().nullable().meta({ description: 'The file being written while running' }),
	sizeBytes: z.number().int().nullable().meta({ description: 'Size of the ZIP once ready' }),
	sha256: z.string().nullable().meta({ description: 'SHA-256 (hex) of the ZIP once ready' }),
	error: z.string().nullable().meta({ description: 'Why it failed, in the caller’s language' }),
	requestedByName: z.string().nullable(),
	requestedAt: instant,
	finishedAt: instant.nullable(),
	expiresAt: instant
		.nullable()
		.meta({ description: 'When the file is deleted (7 days after it is ready)' }),
	downloadPath: z
		.string()
		.nullable()
		.meta({ description: 'Where a client admin downloads the ZIP (session), while ready' })
});

export const exportListSchema = z.strictObject({
	items: z.array(exportSchema).meta({ description: 'Newest first, 20 at most' }),
	running: exportSchema.nullable().meta({ description: 'The export queued or running, if any' })
});
