import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { deliveryView } from '$lib/server/webhooks/api-views';
import { replayDelivery } from '$lib/server/webhooks/service';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(
		deliveryView(
			await replayDelivery(ctx, params.slug, params.webhook, params.delivery, await body())
		)
	)
);
