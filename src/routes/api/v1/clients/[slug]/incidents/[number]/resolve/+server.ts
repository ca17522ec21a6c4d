import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { incidentWriteView } from '$lib/server/incidents/api-views';
import { resolveIncident } from '$lib/server/incidents/workflow';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	json(incidentWriteView(await resolveIncident(ctx, params.slug, params.number, await body())))
);
