import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { clientView } from '$lib/server/api/views';
import { getContract } from '$lib/server/clients/service';
import { requireProviderRead } from '$lib/server/context';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) => {
	requireProviderRead(ctx);
	const { client, contract, settings } = await getContract(ctx, params.slug);
	return {
		...clientView(client),
		contract: { preset: contract.preset, monthlyFeeCents: contract.monthlyFeeCents, overrides: contract.overrides, settings }
	};
});
