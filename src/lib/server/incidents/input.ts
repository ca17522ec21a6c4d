import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import {
	INCIDENT_CAUSES,
	INCIDENT_QUALIFICATIONS,
	INCIDENT_SEVERITIES,
	INCIDENT_STATUSES
} from '../db/schema';
import { keySchema, slugSchema, instantSchema, isoDateSchema } from '../validation';

/** Plain text, line breaks kept; rendered as text, never as HTML. */
const text = (max: number) =>
	z
		.string()
		.transform((s) => s.replace(/\r\n/g, '\n').trim())
		.pipe(z.string().min(1).max(max))
		.meta({ description: `Plain text, 1 to ${max} characters once trimmed` });
const instant = instantSchema.meta({ description: 'ISO 8601 with an offset, not in the future' });

export const fileIncidentSchema = z.object({
	severity: z.enum(INCIDENT_SEVERITIES),
	components: z
		.preprocess(
			(v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
			z.array(keySchema).max(50)
		)
		.meta({ description: 'Component keys (a single key is taken as a list of one); default none' }),
	title: z.string().trim().min(3).max(200),
	description: text(10_000),
	reportedAt: instant.optional()
});

export type FileInput = z.infer<typeof fileIncidentSchema>;

export const acknowledgeSchema = z.object({
	nature: text(2000),
	estimatedResolution: text(500),
	at: instant.optional()
});

export const qualifySchema = z.object({
	qualification: z.enum(INCIDENT_QUALIFICATIONS),
	cause: z.enum(INCIDENT_CAUSES),
	note: z.string().trim().max(2000).optional()
});

export const updateSchema = z.object({
	message: text(10_000),
	internal: z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean()).optional()
});

export const resolveSchema = z.object({ summary: text(10_000), at: instant.optional() });
export const reasonSchema = z.object({ reason: text(2000) });
export const severityChangeSchema = z.object({
	severity: z.enum(INCIDENT_SEVERITIES),
	reason: text(2000)
});

export const listFiltersSchema = z.object({
	client: slugSchema.optional().catch(undefined),
	status: z.enum(INCIDENT_STATUSES).optional().catch(undefined),
	severity: z.enum(INCIDENT_SEVERITIES).optional().catch(undefined),
	component: keySchema.optional().catch(undefined),
	from: isoDateSchema.optional().catch(undefined),
	to: isoDateSchema.optional().catch(undefined),
	q: z.string().trim().max(40).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type IncidentFilters = z.infer<typeof listFiltersSchema>;

export const fieldMessages = {
	severity: () => m.incident_invalid_severity(),
	components: () => m.incident_invalid_components(),
	title: () => m.incident_invalid_title(),
	description: () => m.incident_invalid_description(),
	reportedAt: () => m.incident_invalid_instant(),
	at: () => m.incident_invalid_instant(),
	nature: () => m.incident_invalid_required(),
	estimatedResolution: () => m.incident_invalid_required(),
	summary: () => m.incident_invalid_required(),
	message: () => m.incident_invalid_required(),
	reason: () => m.incident_invalid_required(),
	qualification: () => m.incident_invalid_choice(),
	cause: () => m.incident_invalid_choice()
};
