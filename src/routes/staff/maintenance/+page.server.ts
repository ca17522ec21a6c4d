import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { listStaffMaintenance, maintenanceTargets } from '$lib/server/maintenance/staff-console';

export const load: PageServerLoad = ({ locals, url }) =>
	loadOrError(async () => ({
		console: await listStaffMaintenance(locals.ctx, Object.fromEntries(url.searchParams)),
		clients: (await maintenanceTargets(locals.ctx)).map((c) => ({ slug: c.slug, name: c.name }))
	}));
