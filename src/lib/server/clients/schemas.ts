import { z } from 'zod';
import { nameSchema, slugSchema, timezoneSchema } from '../validation';

const commissionedAt = z.preprocess(
	(v) => (v === '' || v === null ? undefined : v),
	z.iso.datetime({ offset: true }).or(z.iso.date()).optional()
);

export const contractInputSchema = z.object({
	preset: z.string().trim().min(1),
	monthlyFeeCents: z.coerce.number().int().min(0).max(1_000_000_000_00).optional(),
	overrides: z.record(z.string(), z.unknown()).optional()
});

export const createClientSchema = z.object({
	slug: slugSchema,
	name: nameSchema,
	timezone: timezoneSchema.optional(),
	commissionedAt,
	contract: z.record(z.string(), z.unknown())
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
