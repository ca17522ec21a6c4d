import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { staffBackupOverview } from '$lib/server/backups/staff';

export const load: PageServerLoad = ({ locals, url }) =>
	loadOrError(async () => ({
		overview: await staffBackupOverview(locals.ctx, Object.fromEntries(url.searchParams))
	}));
