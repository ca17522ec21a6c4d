import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { componentView } from '$lib/server/components/api-views';
import { updateComponent } from '$lib/server/components/service';

export const PATCH: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	componentView(await updateComponent(ctx, params.slug, params.key, await body()))
);
