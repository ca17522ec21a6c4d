import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { getClientStatus } from '$lib/server/status/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) => {
	const status = await getClientStatus(ctx, params.slug);
	return {
		overall: status.overall,
		components: status.components.map(({ key, name, status, since }) => ({ key, name, status, since }))
	};
});
