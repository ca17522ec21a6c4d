import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { restoreInputFromForm } from '$lib/server/restores/actions';
import { requestRestore } from '$lib/server/restores/filing';
import { restoreRequestForm } from '$lib/server/restores/form-data';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => ({ points: await restoreRequestForm(locals.ctx, params.client) }));

export const actions: Actions = formActions({
	default: async (data, { locals, params }) => {
		const { number } = await requestRestore(locals.ctx, params.client!, restoreInputFromForm(data));
		redirect(303, `/app/${params.client}/restores/${number}`);
	}
});
