import type { PageServerLoad } from './$types';
import { readClientAudit } from '$lib/server/audit/read';
import { loadOrError } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => ({
		trail: await readClientAudit(locals.ctx, params.client, Object.fromEntries(url.searchParams))
	}));
