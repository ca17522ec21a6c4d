import { z } from 'zod';
import { COMPONENT_KINDS, type Component } from '../db/schema';

/** What /api/v1 answers about components, with the zod schema the OpenAPI document is generated from. */
export const componentSchema = z.strictObject({
	key: z.string(),
	name: z.string(),
	kind: z.enum(COMPONENT_KINDS),
	public: z.boolean().meta({ description: 'Shown on the public status page' }),
	expectedIntervalSeconds: z.number().int().meta({
		description: 'Seconds between agent samples; three silent intervals make the component unknown'
	}),
	slaScope: z.boolean().meta({ description: 'Counted by the SLA' })
});

export const componentListSchema = z.strictObject({ components: z.array(componentSchema) });

export const componentView = (c: Component): z.infer<typeof componentSchema> => ({
	key: c.key,
	name: c.name,
	kind: c.kind,
	public: c.public,
	expectedIntervalSeconds: c.expectedIntervalSeconds,
	slaScope: c.slaScope
});

export const componentListView = (rows: Component[]): z.infer<typeof componentListSchema> => ({
	components: rows.map(componentView)
});
