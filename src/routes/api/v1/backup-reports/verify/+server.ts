import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { badRequest } from '$lib/server/errors';
import { apiError } from '$lib/server/http';
import { verifyBackupReport } from '$lib/server/backups/verify';

/** No authentication: a report and its key prove themselves (002 art. 7.2). */
export const POST: RequestHandler = async ({ request, locals }) => {
	try {
		let body: unknown;
		try {
			body = await request.json();
		} catch {
			throw badRequest(m.api_json_malformed());
		}
		return json(await verifyBackupReport(body));
	} catch (e) {
		return apiError(e, locals.log);
	}
};
