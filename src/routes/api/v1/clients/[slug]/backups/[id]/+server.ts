import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { getBackup } from '$lib/server/backups/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params }) => {
	const { backup, lastRestoreTest } = await getBackup(ctx, params.slug, params.id);
	return { ...backup, lastRestoreTest };
});
