import type { PageServerLoad } from './$types';
import { listComponents } from '$lib/server/components/service';

export const load: PageServerLoad = async ({ locals, params }) => ({
	components: (await listComponents(locals.ctx, params.client)).map((c) => ({
		key: c.key,
		name: c.name,
		kind: c.kind
	}))
});
