import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { getExport } from '$lib/server/export/service';

export const GET: RequestHandler = apiRoute(({ ctx, params }) =>
	getExport(ctx, params.slug, params.id)
);
