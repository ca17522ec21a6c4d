import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { listRestoreQueue } from '$lib/server/restores/read';

export const load: PageServerLoad = ({ locals, url }) =>
	loadOrError(async () => ({
		queue: await listRestoreQueue(locals.ctx, Object.fromEntries(url.searchParams))
	}));
