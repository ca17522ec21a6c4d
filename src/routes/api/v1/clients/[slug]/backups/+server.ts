import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { ingestBackup } from '$lib/server/backups/ingest';
import { listBackups } from '$lib/server/backups/read';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) => {
	const { backups } = await listBackups(ctx, params.slug, Object.fromEntries(url.searchParams));
	return { backups };
});

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) => {
	const result = await ingestBackup(ctx, params.slug, await body());
	return result.created ? created(result.answer) : json(result.answer);
});
