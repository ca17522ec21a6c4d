import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { getClientStatus } from '$lib/server/status/read';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const status = await getClientStatus(locals.ctx, params.client);
		return {
			components: status.components.map(({ id: _id, ...view }) => view)
		};
	});
