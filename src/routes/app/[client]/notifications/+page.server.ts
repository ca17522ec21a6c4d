import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { getSubscriptions, updateSubscriptions } from '$lib/server/people/subscriptions';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => ({
		subscriptions: await getSubscriptions(locals.ctx, params.client)
	}));

export const actions: Actions = formActions({
	save: async (data, { locals, params }) => {
		await updateSubscriptions(locals.ctx, params.client ?? '', {
			scope: data.get('scope'),
			components: data.getAll('components').map(String)
		});
		return m.subscriptions_saved();
	}
});
