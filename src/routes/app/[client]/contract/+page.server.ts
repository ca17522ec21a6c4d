import type { PageServerLoad } from './$types';
import { getContract } from '$lib/server/clients/service';
import { loadOrError } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const { contract, settings } = await getContract(locals.ctx, params.client);
		return { preset: contract.preset, monthlyFeeCents: contract.monthlyFeeCents, settings };
	});
