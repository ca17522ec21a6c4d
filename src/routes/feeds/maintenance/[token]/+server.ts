import type { RequestHandler } from './$types';
import { error } from '@sveltejs/kit';
import { ServiceError } from '$lib/server/errors';
import { CALENDAR_HEADERS, personalMaintenanceFeed } from '$lib/server/feeds/service';

/** `/feeds/maintenance/<token>.ics`: the URL is the credential, so no cookie is needed. */
export const GET: RequestHandler = async ({ params }) => {
	const token = params.token.replace(/\.ics$/, '');
	try {
		return new Response(await personalMaintenanceFeed(token), { headers: CALENDAR_HEADERS });
	} catch (e) {
		if (e instanceof ServiceError && e.status === 404) error(404, 'Not found');
		throw e;
	}
};
