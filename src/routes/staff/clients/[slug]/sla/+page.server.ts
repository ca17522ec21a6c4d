import type { Actions, PageServerLoad } from './$types';
import { getClient } from '$lib/server/clients/service';
import { loadOrError } from '$lib/server/http';
import { slaActions, staffSlaSteps } from '$lib/server/sla/actions';
import { loadSlaPage, wantsRecompute } from '$lib/server/sla/page';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => {
		const recompute = wantsRecompute(locals.ctx, url);
		const { slug, name, timezone } = await getClient(locals.ctx, params.slug);
		const page = await loadSlaPage(locals.ctx, slug, url.searchParams.get('month') || null, {
			recompute
		});
		return { ...page, recompute, target: { slug, name, timezone } };
	});

export const actions: Actions = slaActions((e) => e.params.slug!, staffSlaSteps);
