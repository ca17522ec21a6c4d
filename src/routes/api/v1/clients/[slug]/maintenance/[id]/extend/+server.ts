import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { maintenanceItemView } from '$lib/server/maintenance/api-views';
import { extendMaintenance } from '$lib/server/maintenance/extend';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	maintenanceItemView(await extendMaintenance(ctx, params.slug, params.id, await body()))
);
