import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { approveMaintenance, refuseMaintenance } from '$lib/server/maintenance/approval';
import { maintenanceDetail } from '$lib/server/maintenance/calendar-view';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => ({
		detail: await maintenanceDetail(locals.ctx, params.client, params.id, getLocale())
	}));

const comment = (data: FormData) => String(data.get('comment') ?? '').trim();

export const actions: Actions = formActions({
	approve: async (data, { locals, params }) => {
		const text = comment(data);
		await approveMaintenance(locals.ctx, params.client!, params.id!, text ? { comment: text } : {});
		return m.mcal_approved_done();
	},
	refuse: async (data, { locals, params }) => {
		await refuseMaintenance(locals.ctx, params.client!, params.id!, { comment: comment(data) });
		return m.mcal_refused_done();
	}
});
