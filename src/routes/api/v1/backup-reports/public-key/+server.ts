import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/http';
import { currentPublicKey } from '$lib/server/backups/verify';

/** No authentication: whoever holds a report may check it offline (README, backup reports). */
export const GET: RequestHandler = async ({ locals, url }) => {
	try {
		const key = await currentPublicKey();
		if (url.searchParams.get('format') === 'pem') {
			return new Response(key.pem, {
				headers: {
					'content-type': 'application/x-pem-file',
					'cache-control': 'public, max-age=300'
				}
			});
		}
		return json(key);
	} catch (e) {
		return apiError(e, locals.log);
	}
};
