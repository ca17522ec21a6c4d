import { z } from 'zod';

/**
 * What /api/v1 answers about the end of a contract, with the zod schemas the OpenAPI document
 * is generated from (`api/openapi-clients.ts`). Dates are calendar dates in the client's timezone.
 */
const day = z.iso.date();

export const contractEndSchema = z.strictObject({
	endsOn: day,
	exportOpensOn: day
		.nullable()
		.meta({ description: 'First day of the contractual hand-back window; null: any time before' }),
	exportClosesOn: day.meta({ description: 'Last day an export may be asked for' }),
	destroyOn: day.meta({ description: "The client's data is destroyed at the end of this day" }),
	clause: z.string().meta({ description: 'The contract clause the delays come from' }),
	daysToDestruction: z.number().int(),
	ended: z.boolean(),
	exportOpen: z.boolean(),
	recordedAt: z.iso.datetime().nullable(),
	recordedByName: z.string().nullable()
});

export const contractEndStateSchema = z.strictObject({
	endOfContract: contractEndSchema
		.nullable()
		.meta({ description: 'Null while no end is recorded: the contract runs' })
});
