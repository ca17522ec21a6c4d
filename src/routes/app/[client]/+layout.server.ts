import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getClient } from '$lib/server/clients/service';
import { loadOrError } from '$lib/server/http';

/** Anyone outside this client gets the same 404 as for a client that does not exist. */
export const load: LayoutServerLoad = ({ locals, params }) => {
	if (locals.ctx.actor.kind === 'anonymous') error(404, m.error_not_found());
	return loadOrError(async () => {
		const found = await getClient(locals.ctx, params.client);
		return { client: { slug: found.slug, name: found.name, timezone: found.timezone } };
	});
};
