import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { requestExportSchema } from '$lib/server/export/api-views';
import { listExports, requestExport } from '$lib/server/export/service';
import { parseInput } from '$lib/server/validation';

export const GET: RequestHandler = apiRoute(({ ctx, params }) => listExports(ctx, params.slug));

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) => {
	parseInput(requestExportSchema, await body());
	return created(await requestExport(ctx, params.slug));
});
