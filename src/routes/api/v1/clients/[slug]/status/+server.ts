import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { displayStatus } from '$lib/monitoring';
import { getClientStatus } from '$lib/server/status/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) => {
	const status = await getClientStatus(ctx, params.slug);
	return {
		overall: status.overall,
		components: status.components.map((c) => ({ key: c.key, name: c.name, status: displayStatus(c), since: c.since }))
	};
});
