import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { restoreDetailView } from '$lib/server/restores/api-views';
import { getRestore } from '$lib/server/restores/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) =>
	restoreDetailView(await getRestore(ctx, params.slug, params.number))
);
