import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { webhookCreatedView, webhookListView } from '$lib/server/webhooks/api-views';
import { createWebhook, listWebhooks } from '$lib/server/webhooks/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) =>
	webhookListView(await listWebhooks(ctx, params.slug))
);

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(webhookCreatedView(await createWebhook(ctx, params.slug, await body())))
);
