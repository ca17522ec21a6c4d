import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { clientStatusView } from '$lib/server/status/api-views';
import { getClientStatus } from '$lib/server/status/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) =>
	clientStatusView(await getClientStatus(ctx, params.slug))
);
