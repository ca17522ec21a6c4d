import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { clientChoices } from '$lib/server/incidents/locate';
import { listAllIncidents } from '$lib/server/incidents/read';

export const load: PageServerLoad = ({ locals, url }) =>
	loadOrError(async () => ({
		queue: await listAllIncidents(locals.ctx, Object.fromEntries(url.searchParams)),
		clients: await clientChoices(locals.ctx)
	}));
