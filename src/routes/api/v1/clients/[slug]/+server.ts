import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { clientWithContractView } from '$lib/server/clients/api-views';
import { getClientRecord } from '$lib/server/clients/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) =>
	clientWithContractView(await getClientRecord(ctx, params.slug))
);
