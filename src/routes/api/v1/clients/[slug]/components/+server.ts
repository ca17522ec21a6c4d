import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { componentView } from '$lib/server/api/views';
import { createComponent, listComponents } from '$lib/server/components/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) => ({
	components: (await listComponents(ctx, params.slug)).map(componentView)
}));

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(componentView(await createComponent(ctx, params.slug, await body())))
);
