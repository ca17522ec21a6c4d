import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { acceptInvitation, isUsableToken } from '$lib/server/auth/account';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { formActions } from '$lib/server/forms';

export const load: PageServerLoad = async ({ params }) => ({
	usable: await isUsableToken(params.token ?? '', 'invitation')
});

export const actions: Actions = formActions({
	default: async (data, { params, cookies, url, locals }) => {
		const session = await acceptInvitation(
			params.token ?? '',
			Object.fromEntries(data),
			locals.ctx.ip
		);
		cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
		redirect(303, session.landing);
	}
});
