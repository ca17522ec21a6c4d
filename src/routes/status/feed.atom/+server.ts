import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { statusFeed } from '$lib/server/feeds/status-feed';
import { portalOrigin } from '$lib/server/incidents/context';
import { getPublicNotices } from '$lib/server/status/public-notices';

export const GET: RequestHandler = async () =>
	new Response(statusFeed(await getPublicNotices(), portalOrigin(), getLocale()).atom1(), {
		headers: {
			'content-type': 'application/atom+xml; charset=utf-8',
			'cache-control': 'public, max-age=60',
			vary: 'Accept-Language'
		}
	});
