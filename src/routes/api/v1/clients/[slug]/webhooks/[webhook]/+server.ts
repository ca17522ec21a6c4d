import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { deleteWebhook } from '$lib/server/webhooks/service';

export const DELETE: RequestHandler = apiRoute(({ ctx, params }) =>
	deleteWebhook(ctx, params.slug, params.webhook)
);
