import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { isUsableToken, resetPassword } from '$lib/server/auth/account';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { CHALLENGE_COOKIE, challengeCookieOptions } from '$lib/server/auth/two-factor';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { formActions } from '$lib/server/forms';

export const load: PageServerLoad = async ({ params }) => ({
	usable: await isUsableToken(params.token ?? '', 'password_reset')
});

export const actions: Actions = formActions({
	default: async (data, { params, cookies, url, locals }) => {
		const session = await resetPassword(
			params.token ?? '',
			Object.fromEntries(data),
			locals.ctx.ip
		);
		if (session.challenge)
			cookies.set(
				CHALLENGE_COOKIE,
				session.challenge.token,
				challengeCookieOptions(url, session.expiresAt)
			);
		else cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
		redirect(303, session.landing);
	}
});
