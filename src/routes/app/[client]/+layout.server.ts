import { error } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { getClient } from '$lib/server/clients/service';
import { ServiceError } from '$lib/server/errors';
import { m } from '$lib/paraglide/messages';

/** Anyone outside this client gets the same 404 as for a client that does not exist. */
export const load: LayoutServerLoad = async ({ locals, params }) => {
	if (locals.ctx.actor.kind === 'anonymous') error(404, m.error_not_found());
	try {
		const found = await getClient(locals.ctx, params.client);
		return { client: { slug: found.slug, name: found.name, timezone: found.timezone } };
	} catch (e) {
		if (e instanceof ServiceError) error(404, m.error_not_found());
		throw e;
	}
};
