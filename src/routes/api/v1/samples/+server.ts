import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { ingestSamples } from '$lib/server/status/ingest';

export const POST: RequestHandler = apiRoute(async ({ ctx, body }) => json(await ingestSamples(ctx, await body()), { status: 202 }));
