import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { restoreStepView } from '$lib/server/restores/api-views';
import { reportRestoreProgress } from '$lib/server/restores/workflow';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	restoreStepView(await reportRestoreProgress(ctx, params.slug, params.number, await body()))
);
