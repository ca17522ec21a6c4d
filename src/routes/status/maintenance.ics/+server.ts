import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { CALENDAR_HEADERS, publicMaintenanceFeed } from '$lib/server/feeds/service';

export const GET: RequestHandler = async () =>
	new Response(await publicMaintenanceFeed(getLocale()), {
		headers: { ...CALENDAR_HEADERS, 'cache-control': 'public, max-age=60', vary: 'Accept-Language' }
	});
