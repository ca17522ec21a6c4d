import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { landingPath, ThrottledError } from '$lib/server/auth/account';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { createSession, SESSION_COOKIE } from '$lib/server/auth/session';
import { CHALLENGE_COOKIE, findChallenge, passChallenge } from '$lib/server/auth/two-factor';
import { ServiceError } from '$lib/server/errors';
import { safeRedirectTarget } from '$lib/server/redirect';

/** Without a pending sign-in (none, or its 10 minutes ran out) the page says so and links back. */
export const load: PageServerLoad = async ({ cookies }) => ({
	pending: Boolean(await findChallenge(cookies.get(CHALLENGE_COOKIE)))
});

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, setHeaders }) => {
		const data = await request.formData();
		const code = String(data.get('code') ?? '').slice(0, 40);
		let opened: { token: string; expiresAt: Date } | undefined;
		let target: string;
		try {
			const passed = await passChallenge(
				cookies.get(CHALLENGE_COOKIE),
				code,
				locals.ctx.ip,
				async (tx, userId) => {
					opened = await createSession(
						tx,
						userId,
						locals.ctx.ip,
						request.headers.get('user-agent')
					);
				}
			);
			target = safeRedirectTarget(passed.redirectTo, url.origin, await landingPath(passed.userId));
		} catch (e) {
			if (e instanceof ThrottledError) {
				setHeaders({ 'retry-after': String(e.retryAfter) });
				return fail(429, { message: e.message });
			}
			if (e instanceof ServiceError) return fail(400, { message: e.message });
			throw e;
		}
		cookies.delete(CHALLENGE_COOKIE, { path: '/login/two-factor' });
		cookies.set(SESSION_COOKIE, opened!.token, sessionCookieOptions(url, opened!.expiresAt));
		redirect(303, target);
	}
};
