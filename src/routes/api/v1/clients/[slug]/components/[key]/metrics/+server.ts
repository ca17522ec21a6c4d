import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { getMetricSeries } from '$lib/server/status/read';

export const GET: RequestHandler = apiRoute(({ ctx, params, url }) =>
	getMetricSeries(ctx, params.slug, params.key, Object.fromEntries(url.searchParams))
);
