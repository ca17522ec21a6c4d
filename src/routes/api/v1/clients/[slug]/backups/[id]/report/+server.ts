import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { backupReport } from '$lib/server/backups/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) => {
	const { text, backup } = await backupReport(ctx, params.slug, params.id);
	if (url.searchParams.get('format') === 'text') {
		return new Response(text, {
			headers: {
				'content-type': 'text/plain; charset=utf-8',
				'content-disposition': `attachment; filename="backup-report-${backup.id}.txt"`
			}
		});
	}
	return {
		report: text,
		authenticationKey: backup.authenticationKey,
		reportSha256: backup.reportSha256,
		signingKeyId: backup.signingKeyId
	};
});
