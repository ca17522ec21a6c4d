import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { componentListView, componentView } from '$lib/server/components/api-views';
import { createComponent, listComponents } from '$lib/server/components/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) =>
	componentListView(await listComponents(ctx, params.slug))
);

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(componentView(await createComponent(ctx, params.slug, await body())))
);
