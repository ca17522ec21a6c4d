import type { PageServerLoad } from './$types';
import { getContract } from '$lib/server/clients/service';

export const load: PageServerLoad = async ({ locals, params }) => {
	const { contract, settings } = await getContract(locals.ctx, params.client);
	return { preset: contract.preset, monthlyFeeCents: contract.monthlyFeeCents, settings };
};
