import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { restoreStepView } from '$lib/server/restores/api-views';
import { completeRestore } from '$lib/server/restores/workflow';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	restoreStepView(await completeRestore(ctx, params.slug, params.number, await body()))
);
