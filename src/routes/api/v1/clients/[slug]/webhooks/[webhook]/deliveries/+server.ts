import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { deliveryListView } from '$lib/server/webhooks/api-views';
import { listDeliveries } from '$lib/server/webhooks/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) =>
	deliveryListView(
		await listDeliveries(ctx, params.slug, params.webhook, Object.fromEntries(url.searchParams))
	)
);
