import type { Actions, PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { clientSlaSteps, slaActions } from '$lib/server/sla/actions';
import { loadSlaPage } from '$lib/server/sla/page';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(() => loadSlaPage(locals.ctx, params.client, url.searchParams.get('month') || null));

export const actions: Actions = slaActions((e) => e.params.client!, clientSlaSteps);
