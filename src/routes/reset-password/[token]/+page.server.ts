import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUsableToken, resetPassword } from '$lib/server/auth/account';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { actionFailure } from '$lib/server/http';

export const load: PageServerLoad = async ({ params }) => ({
	usable: await isUsableToken(params.token, 'password_reset')
});

export const actions: Actions = {
	default: async ({ request, params, cookies, url, locals }) => {
		const data = await request.formData();
		let landing: string;
		try {
			const session = await resetPassword(params.token, Object.fromEntries(data), locals.ctx.ip);
			cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
			landing = session.landing;
		} catch (e) {
			return actionFailure(e, data);
		}
		redirect(303, landing);
	}
};
