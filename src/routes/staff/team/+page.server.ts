import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { getSecuritySettings, updateSecuritySettings } from '$lib/server/auth/security-settings';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { inviteStaff, listStaff } from '$lib/server/people/service';

export const load: PageServerLoad = ({ locals }) =>
	loadOrError(async () => ({
		staff: await listStaff(locals.ctx),
		security: await getSecuritySettings(locals.ctx)
	}));

export const actions: Actions = formActions({
	invite: async (data, { locals, url }) => {
		await inviteStaff(locals.ctx, Object.fromEntries(data), url.origin, getLocale());
		return m.people_invited({ email: String(data.get('email')) });
	},
	security: async (data, { locals }) => {
		await updateSecuritySettings(locals.ctx, Object.fromEntries(data));
		return m.saved();
	}
});
