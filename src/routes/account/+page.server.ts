import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { calendarFeedActions, calendarFeedLoad } from '$lib/server/feeds/panel';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { getPreferences, updatePreferences } from '$lib/server/people/preferences';

export const load: PageServerLoad = ({ locals }) =>
	loadOrError(async () => ({
		preferences: await getPreferences(locals.ctx),
		calendarFeed: await calendarFeedLoad(locals.ctx)
	}));

// Named actions: SvelteKit allows no `default` beside them.
export const actions: Actions = {
	...formActions({
		preferences: async (data, { locals }) => {
			await updatePreferences(locals.ctx, {
				muteIncidentMail: data.get('muteIncidentMail') === 'on'
			});
			return m.saved();
		}
	}),
	...calendarFeedActions
};
