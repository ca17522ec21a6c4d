import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { maintenanceListView, maintenanceRecordedView } from '$lib/server/maintenance/api-views';
import { listMaintenance } from '$lib/server/maintenance/read';
import { createMaintenance } from '$lib/server/maintenance/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) =>
	maintenanceListView(await listMaintenance(ctx, params.slug, Object.fromEntries(url.searchParams)))
);

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(maintenanceRecordedView(await createMaintenance(ctx, params.slug, await body())))
);
