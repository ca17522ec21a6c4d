import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { authorize } from '$lib/server/policy';
import { PRESET_NAMES } from '$lib/server/contracts/settings';
import { createClient } from '$lib/server/clients/service';
import { clientInputFromForm, contractInputFromForm } from '$lib/server/clients/form';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';

export const load: PageServerLoad = ({ locals }) =>
	loadOrError(() => {
		authorize(locals.ctx, 'client.create');
		return { presets: PRESET_NAMES };
	});

export const actions: Actions = formActions({
	default: async (data, { locals }) => {
		const created = await createClient(locals.ctx, {
			...clientInputFromForm(data),
			contract: contractInputFromForm(data)
		});
		redirect(303, `/staff/clients/${created.slug}`);
	}
});
