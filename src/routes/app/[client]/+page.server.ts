import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { getClientHome } from '$lib/server/status/client-home';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(() => getClientHome(locals.ctx, params.client));
