import type { LayoutServerLoad } from './$types';
import { getClient } from '$lib/server/clients/service';
import { loadOrError } from '$lib/server/http';
import { permissionsOf } from '$lib/server/policy';

/** Anyone outside this client (signed out included) gets the same 404 as for a missing client. */
export const load: LayoutServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const found = await getClient(locals.ctx, params.client);
		return {
			client: { slug: found.slug, name: found.name, timezone: found.timezone },
			can: permissionsOf(locals.ctx, { clientId: found.id })
		};
	});
