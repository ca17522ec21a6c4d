import type { PageServerLoad } from './$types';
import { publicPageData } from '$lib/server/status/public-page';

export const load: PageServerLoad = async ({ setHeaders, isDataRequest }) => {
	// The HTML carries a per-response CSP nonce: no shared cache may replay it. The data route has none.
	setHeaders({
		'cache-control': isDataRequest ? 'public, max-age=5' : 'private, max-age=5',
		vary: 'Cookie, Accept-Language'
	});
	return publicPageData();
};
