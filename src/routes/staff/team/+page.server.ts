import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { actionFailure, loadOrError } from '$lib/server/http';
import { inviteStaff, listStaff } from '$lib/server/people/service';

export const load: PageServerLoad = ({ locals }) => loadOrError(async () => ({ staff: await listStaff(locals.ctx) }));

export const actions: Actions = {
	invite: async ({ request, locals, url }) => {
		const data = await request.formData();
		try {
			await inviteStaff(locals.ctx, Object.fromEntries(data), url.origin, getLocale());
			return { success: m.people_invited({ email: String(data.get('email')) }) };
		} catch (e) {
			return actionFailure(e, data);
		}
	}
};
