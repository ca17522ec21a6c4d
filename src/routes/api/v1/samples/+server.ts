import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { ingestResultView } from '$lib/server/status/api-views';
import { ingestSamples } from '$lib/server/status/ingest';

export const POST: RequestHandler = apiRoute(async ({ ctx, body }) =>
	json(ingestResultView(await ingestSamples(ctx, await body())), { status: 202 })
);
