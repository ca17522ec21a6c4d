import { z } from 'zod';
import { contractSettingsSchema } from '../contracts/settings';
import type { Client, contract } from '../db/schema';
import type { getClientRecord, listClients } from './service';

/**
 * What /api/v1 answers about clients: each view with the zod schema the OpenAPI document is
 * generated from (`api/openapi.ts`). No internal ids.
 */
const instant = z.iso.datetime();

export const clientSchema = z.strictObject({
	slug: z.string(),
	name: z.string(),
	timezone: z.string().meta({ examples: ['Europe/Paris'] }),
	commissionedAt: instant.nullable(),
	createdAt: instant
});

const contractFields = {
	preset: z.string(),
	monthlyFeeCents: z.number().int(),
	overrides: z.record(z.string(), z.unknown()).meta({ description: 'Deep-merged onto the preset' })
};

/** `POST /clients` answers the stored contract; `GET /clients/{slug}` adds its resolved settings. */
export const clientCreatedSchema = clientSchema.extend({
	contract: z.strictObject(contractFields)
});

export const clientWithContractSchema = clientSchema.extend({
	contract: z.strictObject({
		...contractFields,
		settings: contractSettingsSchema.nullable().meta({
			description: 'The preset with the overrides merged in; null if they no longer validate'
		})
	})
});

export const clientListSchema = z.strictObject({
	clients: z.array(clientSchema),
	total: z.number().int(),
	page: z.number().int(),
	pageSize: z.number().int()
});

export const clientView = (c: Client): z.infer<typeof clientSchema> => ({
	slug: c.slug,
	name: c.name,
	timezone: c.timezone,
	commissionedAt: c.commissionedAt?.toISOString() ?? null,
	createdAt: c.createdAt.toISOString()
});

type ContractRow = typeof contract.$inferSelect;

export const clientCreatedView = (
	c: Client & { contract: ContractRow }
): z.infer<typeof clientCreatedSchema> => ({
	...clientView(c),
	contract: {
		preset: c.contract.preset,
		monthlyFeeCents: c.contract.monthlyFeeCents,
		overrides: c.contract.overrides
	}
});

export const clientWithContractView = ({
	client,
	contract: row,
	settings
}: Awaited<ReturnType<typeof getClientRecord>>): z.infer<typeof clientWithContractSchema> => ({
	...clientView(client),
	contract: {
		preset: row.preset,
		monthlyFeeCents: row.monthlyFeeCents,
		overrides: row.overrides,
		settings
	}
});

export const clientListView = (
	r: Awaited<ReturnType<typeof listClients>>
): z.infer<typeof clientListSchema> => ({
	clients: r.clients.map(clientView),
	total: r.total,
	page: r.page,
	pageSize: r.pageSize
});
