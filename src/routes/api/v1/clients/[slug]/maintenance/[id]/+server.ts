import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { maintenanceItemView } from '$lib/server/maintenance/api-views';
import { updateMaintenance } from '$lib/server/maintenance/service';

export const PATCH: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	maintenanceItemView(await updateMaintenance(ctx, params.slug, params.id, await body()))
);
