import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import {
	getContractEnd,
	recordContractEnd,
	withdrawContractEnd
} from '$lib/server/clients/end-of-contract';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) => ({
	endOfContract: await getContractEnd(ctx, params.slug)
}));

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) => ({
	endOfContract: await recordContractEnd(ctx, params.slug, await body())
}));

export const DELETE: RequestHandler = apiRoute(async ({ ctx, params }) => {
	await withdrawContractEnd(ctx, params.slug);
	return { endOfContract: null };
});
