import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { restoreFiledView, restorePageView } from '$lib/server/restores/api-views';
import { requestRestore } from '$lib/server/restores/filing';
import { listRestores } from '$lib/server/restores/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) =>
	restorePageView(await listRestores(ctx, params.slug, Object.fromEntries(url.searchParams)))
);

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(restoreFiledView(await requestRestore(ctx, params.slug, await body())))
);
