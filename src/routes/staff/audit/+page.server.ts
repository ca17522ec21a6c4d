import type { PageServerLoad } from './$types';
import { readAllAudit } from '$lib/server/audit/read';
import { loadOrError } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, url }) =>
	loadOrError(async () => ({
		trail: await readAllAudit(locals.ctx, Object.fromEntries(url.searchParams))
	}));
