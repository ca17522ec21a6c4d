import type { Actions, PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { clientSlaSteps, slaActions } from '$lib/server/sla/actions';
import { loadSlaPage } from '$lib/server/sla/page';
import { backupCompliance } from '$lib/server/backups/overview';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => {
		const page = await loadSlaPage(
			locals.ctx,
			params.client,
			url.searchParams.get('month') || null
		);
		return {
			...page,
			backupCompliance: await backupCompliance(locals.ctx, params.client, page.sla.month)
		};
	});

export const actions: Actions = slaActions((e) => e.params.client!, clientSlaSteps);
