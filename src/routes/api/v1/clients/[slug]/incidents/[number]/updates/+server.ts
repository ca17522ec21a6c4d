import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { incidentWriteView } from '$lib/server/incidents/api-views';
import { postIncidentUpdate } from '$lib/server/incidents/workflow';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	json(incidentWriteView(await postIncidentUpdate(ctx, params.slug, params.number, await body())), {
		status: 201
	})
);
