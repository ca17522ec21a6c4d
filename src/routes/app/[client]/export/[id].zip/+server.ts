import type { RequestHandler } from './$types';
import { downloadExport } from '$lib/server/export/service';
import { loadOrError } from '$lib/server/http';

/** A ready export's ZIP, streamed from its file (admins of the client, and staff admins). */
export const GET: RequestHandler = ({ locals, params }) =>
	loadOrError(async () => {
		const file = await downloadExport(locals.ctx, params.client, params.id);
		return new Response(file.body, {
			headers: {
				'content-type': 'application/zip',
				'content-length': String(file.size),
				'content-disposition': `attachment; filename="${file.filename}"`,
				'cache-control': 'private, no-store',
				...(file.sha256 ? { 'x-content-sha256': file.sha256 } : {})
			}
		});
	});
