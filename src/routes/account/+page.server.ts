import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { getPreferences, updatePreferences } from '$lib/server/people/preferences';

export const load: PageServerLoad = ({ locals }) =>
	loadOrError(async () => ({ preferences: await getPreferences(locals.ctx) }));

export const actions: Actions = formActions({
	default: async (data, { locals }) => {
		await updatePreferences(locals.ctx, {
			muteIncidentMail: data.get('muteIncidentMail') === 'on'
		});
		return m.saved();
	}
});
