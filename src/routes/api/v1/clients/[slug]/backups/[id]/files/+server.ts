import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { listBackupFiles } from '$lib/server/backups/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) => {
	const r = await listBackupFiles(
		ctx,
		params.slug,
		params.id,
		Object.fromEntries(url.searchParams)
	);
	return { page: r.page, pageSize: r.pageSize, total: r.total, search: r.search, files: r.files };
});
