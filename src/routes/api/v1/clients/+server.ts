import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { clientView } from '$lib/server/api/views';
import { createClient, listClients } from '$lib/server/clients/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, url }) => {
	const result = await listClients(ctx, {
		search: url.searchParams.get('search') ?? undefined,
		page: url.searchParams.get('page') ?? undefined
	});
	return { clients: result.clients.map(clientView), total: result.total, page: result.page, pageSize: result.pageSize };
});

export const POST: RequestHandler = apiRoute(async ({ ctx, body }) => {
	const c = await createClient(ctx, await body());
	return created({
		...clientView(c),
		contract: { preset: c.contract.preset, monthlyFeeCents: c.contract.monthlyFeeCents, overrides: c.contract.overrides }
	});
});
