import { z } from 'zod';
import { PRESET_NAMES } from '../contracts/presets';
import {
	nameSchema,
	slugSchema,
	timezoneSchema,
	instantSchema,
	isoDateSchema
} from '../validation';

const commissionedAt = z
	.preprocess(
		(v) => (v === '' || v === null ? undefined : v),
		instantSchema.or(isoDateSchema).optional()
	)
	.meta({ description: 'ISO 8601 date, or date-time with an offset' });

export const contractInputSchema = z.object({
	preset: z
		.string()
		.trim()
		.min(1)
		.meta({
			description: `A contract preset: ${PRESET_NAMES.join(', ')}`,
			examples: [...PRESET_NAMES]
		}),
	monthlyFeeCents: z.coerce.number().int().min(0).max(1_000_000_000_00).optional(),
	overrides: z.record(z.string(), z.unknown()).optional().meta({
		description: 'Deep-merged onto the preset, then validated strictly: unknown keys are refused'
	})
});

export const createClientSchema = z.object({
	slug: slugSchema,
	name: nameSchema,
	timezone: timezoneSchema.optional(),
	commissionedAt,
	contract: z.record(z.string(), z.unknown())
});

/**
 * `POST /api/v1/clients` as one schema, for the OpenAPI document: the service checks the body
 * with createClientSchema and its `contract` with contractInputSchema (so every field is reported at once).
 */
export const createClientRequestSchema = createClientSchema.extend({
	contract: contractInputSchema
});

export const updateClientSchema = z.object({
	name: nameSchema.optional(),
	timezone: timezoneSchema.optional(),
	commissionedAt
});

export const listClientsSchema = z.object({
	search: z.string().trim().max(100).optional(),
	page: z.coerce.number().int().min(1).max(10_000).default(1)
});
