import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { slaApiView } from '$lib/server/sla/api-views';
import { getSlaReport } from '$lib/server/sla/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) =>
	slaApiView(
		await getSlaReport(ctx, params.slug, url.searchParams.get('month'), {
			recompute: url.searchParams.get('recompute') === '1'
		})
	)
);
