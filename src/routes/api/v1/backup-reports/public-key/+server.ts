import type { RequestHandler } from './$types';
import { apiError } from '$lib/server/http';
import { currentPublicKeyPem } from '$lib/server/backups/verify';

/** No authentication: whoever holds a report may check it offline (README, backup reports). */
export const GET: RequestHandler = async ({ locals }) => {
	try {
		return new Response(await currentPublicKeyPem(), {
			headers: { 'content-type': 'application/x-pem-file', 'cache-control': 'public, max-age=300' }
		});
	} catch (e) {
		return apiError(e, locals.log);
	}
};
