import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { metricSeriesView } from '$lib/server/status/api-views';
import { getMetricSeries } from '$lib/server/status/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) =>
	metricSeriesView(
		await getMetricSeries(ctx, params.slug, params.key, Object.fromEntries(url.searchParams))
	)
);
