import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { maintenanceRecordedView } from '$lib/server/maintenance/api-views';
import { createMaintenance } from '$lib/server/maintenance/service';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(maintenanceRecordedView(await createMaintenance(ctx, params.slug, await body())))
);
