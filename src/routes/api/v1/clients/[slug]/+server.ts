import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { clientView } from '$lib/server/api/views';
import { getClientRecord } from '$lib/server/clients/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) => {
	const { client, contract, settings } = await getClientRecord(ctx, params.slug);
	return {
		...clientView(client),
		contract: { preset: contract.preset, monthlyFeeCents: contract.monthlyFeeCents, overrides: contract.overrides, settings }
	};
});
