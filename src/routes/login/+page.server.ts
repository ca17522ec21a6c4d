import { fail, redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import {
	landingPath,
	SecondFactorRequired,
	signIn,
	ThrottledError
} from '$lib/server/auth/account';
import { CHALLENGE_COOKIE, challengeCookieOptions } from '$lib/server/auth/two-factor';
import { sessionCookieOptions } from '$lib/server/auth/cookie';
import { SESSION_COOKIE } from '$lib/server/auth/session';
import { ServiceError } from '$lib/server/errors';
import { formGuardIssues } from '$lib/server/input-guard';
import { m } from '$lib/paraglide/messages';
import { safeRedirectTarget } from '$lib/server/redirect';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, await landingPath(locals.user.id));
};

export const actions: Actions = {
	default: async ({ request, cookies, url, locals, setHeaders }) => {
		const data = await request.formData();
		if (Object.keys(formGuardIssues(data)).length > 0) {
			return fail(400, { message: m.validation_nul(), email: '', retryAfter: 0 });
		}
		const email = String(data.get('email') ?? '');
		try {
			const session = await signIn(
				{ email, password: String(data.get('password') ?? '') },
				locals.ctx.ip,
				request.headers.get('user-agent'),
				url.searchParams.get('redirectTo')
			);
			cookies.set(SESSION_COOKIE, session.token, sessionCookieOptions(url, session.expiresAt));
			redirect(
				303,
				safeRedirectTarget(url.searchParams.get('redirectTo'), url.origin, session.landing)
			);
		} catch (e) {
			if (e instanceof SecondFactorRequired) {
				cookies.set(CHALLENGE_COOKIE, e.token, challengeCookieOptions(url, e.expiresAt));
				redirect(303, '/login/two-factor');
			}
			if (e instanceof ThrottledError) {
				setHeaders({ 'retry-after': String(e.retryAfter) });
				return fail(429, { message: e.message, email, retryAfter: e.retryAfter });
			}
			if (e instanceof ServiceError) return fail(400, { message: e.message, email, retryAfter: 0 });
			throw e;
		}
	}
};
