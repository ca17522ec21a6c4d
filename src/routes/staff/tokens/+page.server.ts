import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { createToken, listTokens, revokeToken } from '$lib/server/tokens/service';

export const load: PageServerLoad = ({ locals }) =>
	loadOrError(async () => ({ tokens: await listTokens(locals.ctx) }));

export const actions: Actions = formActions({
	create: async (data, { locals }) => {
		const created = await createToken(locals.ctx, Object.fromEntries(data));
		return { created: { name: created.name, secret: created.secret } };
	},
	revoke: async (data, { locals }) => {
		await revokeToken(locals.ctx, String(data.get('id')));
		return m.token_revoked();
	}
});
