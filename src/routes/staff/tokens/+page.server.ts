import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { actionFailure, loadOrError } from '$lib/server/http';
import { createToken, listTokens, revokeToken } from '$lib/server/tokens/service';

export const load: PageServerLoad = ({ locals }) => loadOrError(async () => ({ tokens: await listTokens(locals.ctx) }));

export const actions: Actions = {
	create: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			const created = await createToken(locals.ctx, Object.fromEntries(data));
			return { created: { name: created.name, secret: created.secret } };
		} catch (e) {
			return actionFailure(e, data);
		}
	},
	revoke: async ({ request, locals }) => {
		const data = await request.formData();
		try {
			await revokeToken(locals.ctx, String(data.get('id')));
			return { success: m.token_revoked() };
		} catch (e) {
			return actionFailure(e, data);
		}
	}
};
