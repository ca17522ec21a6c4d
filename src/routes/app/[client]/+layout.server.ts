import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { getClient } from '$lib/server/clients/service';
import { getContractEnd } from '$lib/server/clients/end-of-contract';
import { loadOrError } from '$lib/server/http';
import { permissionsOf } from '$lib/server/policy';

/**
 * Signed-out visitors (an expired session included) are asked to sign in and brought back;
 * a signed-in person outside this client gets the same 404 as for a missing client.
 */
export const load: LayoutServerLoad = ({ locals, params, url }) => {
	if (locals.ctx.actor.kind === 'anonymous') {
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`);
	}
	return loadOrError(async () => {
		const found = await getClient(locals.ctx, params.client);
		return {
			client: { slug: found.slug, name: found.name, timezone: found.timezone },
			can: permissionsOf(locals.ctx, { clientId: found.id }),
			contractEnd: await getContractEnd(locals.ctx, params.client)
		};
	});
};
