import type { PageServerLoad } from './$types';
import { publicPageData } from '$lib/server/status/public-page';

export const load: PageServerLoad = async ({ setHeaders }) => {
	setHeaders({ 'cache-control': 'public, max-age=5', vary: 'Cookie, Accept-Language' });
	return publicPageData();
};
