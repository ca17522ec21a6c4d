import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { maintenanceItemView } from '$lib/server/maintenance/api-views';
import { approveMaintenance } from '$lib/server/maintenance/approval';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	maintenanceItemView(await approveMaintenance(ctx, params.slug, params.id, await body()))
);
