import type { PageServerLoad } from './$types';
import { listComponents } from '$lib/server/components/service';
import { loadOrError } from '$lib/server/http';
import { lastRestoreTest, listRestores } from '$lib/server/restores/read';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => {
		const register = await listRestores(
			locals.ctx,
			params.client,
			Object.fromEntries(url.searchParams)
		);
		const components = await listComponents(locals.ctx, params.client);
		return {
			register,
			lastTest: await lastRestoreTest(locals.ctx, params.client),
			components: components.map((c) => ({ key: c.key, name: c.name }))
		};
	});
