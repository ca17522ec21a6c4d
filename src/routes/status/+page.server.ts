import type { PageServerLoad } from './$types';
import { publicPageData } from '$lib/server/status/public-page';

export const load: PageServerLoad = async ({ setHeaders }) => {
	// The anonymous page carries no nonce (hooks.server.ts): the same for every visitor of a language.
	// A signed-in visitor's answer is made private by hooks.server.ts.
	setHeaders({ 'cache-control': 'public, max-age=5', vary: 'Cookie, Accept-Language' });
	return publicPageData();
};
