import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { incidentDetailView } from '$lib/server/incidents/api-views';
import { getIncident } from '$lib/server/incidents/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) =>
	incidentDetailView(await getIncident(ctx, params.slug, params.number))
);
