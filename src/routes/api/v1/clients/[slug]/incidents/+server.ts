import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { incidentPageView, incidentWriteView } from '$lib/server/incidents/api-views';
import { fileIncident } from '$lib/server/incidents/filing';
import { listIncidents } from '$lib/server/incidents/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) =>
	incidentPageView(await listIncidents(ctx, params.slug, Object.fromEntries(url.searchParams)))
);

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(incidentWriteView(await fileIncident(ctx, params.slug, await body())))
);
