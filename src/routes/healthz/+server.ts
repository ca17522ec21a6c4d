import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { databaseHealthy } from '$lib/server/health';

export const GET: RequestHandler = async () => {
	const ok = await databaseHealthy();
	return json(
		{ status: ok ? 'ok' : 'degraded', db: ok ? 'ok' : 'down' },
		{ status: ok ? 200 : 503 }
	);
};
