import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { clientCreatedView, clientListView } from '$lib/server/clients/api-views';
import { createClient, listClients } from '$lib/server/clients/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, url }) =>
	clientListView(
		await listClients(ctx, {
			search: url.searchParams.get('search') ?? undefined,
			page: url.searchParams.get('page') ?? undefined
		})
	)
);

export const POST: RequestHandler = apiRoute(async ({ ctx, body }) =>
	created(clientCreatedView(await createClient(ctx, await body())))
);
