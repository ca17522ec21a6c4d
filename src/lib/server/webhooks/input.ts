import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { parseInput } from '../validation';

/** What a webhook may subscribe to: the client's events of these families (backups and restores: later issues). */
export const WEBHOOK_EVENT_PATTERNS = [
	'maintenance.*',
	'incident.*',
	'backup.*',
	'restore.*'
] as const;
export type WebhookEventPattern = (typeof WEBHOOK_EVENT_PATTERNS)[number];

export const MAX_WEBHOOKS_PER_CLIENT = 10;

export const webhookCreateSchema = z.strictObject({
	url: z
		.string()
		.trim()
		.min(1)
		.max(2000)
		.meta({ description: 'http(s) URL of a public address (private ones are refused)' }),
	events: z
		.array(z.enum(WEBHOOK_EVENT_PATTERNS))
		.min(1)
		.max(WEBHOOK_EVENT_PATTERNS.length)
		.refine((list) => new Set(list).size === list.length)
		.meta({ description: 'Event families to receive, e.g. ["maintenance.*", "incident.*"]' })
});

/** A replay takes no option: `{}`. */
export const replaySchema = z.strictObject({});

export const deliveriesQuerySchema = z.object({
	page: z.coerce.number().int().min(1).max(10_000).optional().meta({ description: '20 a page' })
});

const messages = {
	url: () => m.webhook_invalid_url(),
	events: () => m.webhook_invalid_events(),
	page: () => m.validation_invalid()
};

export const parseWebhook = <S extends z.ZodType>(schema: S, input: unknown): z.infer<S> =>
	parseInput(schema, input, messages);

/** Whether an event kind (`maintenance.created`) falls under a pattern (`maintenance.*`). */
export const matchesPattern = (kind: string, pattern: string) =>
	pattern.endsWith('.*') ? kind.startsWith(pattern.slice(0, -1)) : kind === pattern;
