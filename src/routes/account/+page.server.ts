import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { actionFailure, loadOrError } from '$lib/server/http';
import { getPreferences, updatePreferences } from '$lib/server/people/preferences';

export const load: PageServerLoad = ({ locals }) => loadOrError(async () => ({ preferences: await getPreferences(locals.ctx) }));

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			await updatePreferences(locals.ctx, { muteIncidentMail: data.get('muteIncidentMail') === 'on' });
			return { success: m.saved() };
		} catch (e) {
			return actionFailure(e, data);
		}
	}
};
