import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { maintenanceItemView } from '$lib/server/maintenance/api-views';
import { cancelMaintenance } from '$lib/server/maintenance/service';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	maintenanceItemView(await cancelMaintenance(ctx, params.slug, params.id, await body()))
);
