import { z } from 'zod';
import { WEBHOOK_EVENT_PATTERNS } from './input';
import type { DeliveryRow } from './service';

/** What the webhook operations answer, with the zod schemas the OpenAPI document is generated from. */
const events = z.array(z.enum(WEBHOOK_EVENT_PATTERNS));

export const webhookSchema = z.strictObject({
	id: z.string(),
	url: z.string(),
	events,
	active: z.boolean(),
	createdAt: z.string()
});
type WebhookFields = {
	id: string;
	url: string;
	events: string[];
	active: boolean;
	createdAt: Date;
};

export const webhookView = (w: WebhookFields): z.infer<typeof webhookSchema> => ({
	id: w.id,
	url: w.url,
	events: w.events as z.infer<typeof events>,
	active: w.active,
	createdAt: w.createdAt.toISOString()
});

export const webhookCreatedSchema = webhookSchema.extend({
	secret: z.string().meta({
		description:
			'Signs every delivery (X-Portal-Signature: sha256=HMAC-SHA256 of the raw body). Shown this once.'
	})
});
export const webhookCreatedView = (
	w: WebhookFields & { secret: string }
): z.infer<typeof webhookCreatedSchema> => ({ ...webhookView(w), secret: w.secret });

export const webhookListSchema = z.strictObject({ items: z.array(webhookSchema) });
export const webhookListView = (list: WebhookFields[]) => ({ items: list.map(webhookView) });

export const webhookDeletedSchema = z.strictObject({ id: z.string(), deleted: z.literal(true) });

export const deliverySchema = z.strictObject({
	id: z.string(),
	eventId: z.string().meta({ description: 'The `id` of the body sent: the same on a replay' }),
	type: z.string().meta({ examples: ['maintenance.created'] }),
	status: z.enum(['pending', 'delivered', 'failed']).meta({
		description: 'pending: to be (re)tried; failed: given up 24 h after the event'
	}),
	attempts: z.number().int().min(0),
	lastStatusCode: z.number().int().optional(),
	lastError: z.string().optional(),
	nextAttemptAt: z.string().optional().meta({ description: 'While pending' }),
	deliveredAt: z.string().optional(),
	replayOf: z.string().optional().meta({ description: 'The delivery this one replays' }),
	createdAt: z.string()
});

export const deliveryView = (d: DeliveryRow): z.infer<typeof deliverySchema> => ({
	id: d.id,
	eventId: String(d.eventId),
	type: d.eventKind,
	status: d.status,
	attempts: d.attempts,
	...(d.lastStatusCode !== null ? { lastStatusCode: d.lastStatusCode } : {}),
	...(d.lastError ? { lastError: d.lastError } : {}),
	...(d.status === 'pending' ? { nextAttemptAt: d.nextAttemptAt.toISOString() } : {}),
	...(d.deliveredAt ? { deliveredAt: d.deliveredAt.toISOString() } : {}),
	...(d.replayOf ? { replayOf: d.replayOf } : {}),
	createdAt: d.createdAt.toISOString()
});

export const deliveryListSchema = z.strictObject({
	items: z.array(deliverySchema),
	page: z.number().int().min(1),
	total: z.number().int().min(0),
	pageSize: z.number().int().min(1)
});
export const deliveryListView = (r: {
	items: DeliveryRow[];
	page: number;
	total: number;
	pageSize: number;
}): z.infer<typeof deliveryListSchema> => ({
	items: r.items.map(deliveryView),
	page: r.page,
	total: r.total,
	pageSize: r.pageSize
});
