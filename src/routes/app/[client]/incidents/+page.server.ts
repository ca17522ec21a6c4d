import type { PageServerLoad } from './$types';
import { listComponents } from '$lib/server/components/service';
import { loadOrError } from '$lib/server/http';
import { listIncidents } from '$lib/server/incidents/read';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => {
		const register = await listIncidents(
			locals.ctx,
			params.client,
			Object.fromEntries(url.searchParams)
		);
		const components = await listComponents(locals.ctx, params.client);
		return {
			register,
			components: components.map((c) => ({ key: c.key, name: c.name }))
		};
	});
