import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { cookieMaxAge, cookieName } from '$lib/paraglide/runtime';
import { setUserLocale } from '$lib/server/auth/account';
import { safeRedirectTarget } from '$lib/server/redirect';

export const load: PageServerLoad = () => redirect(303, '/');

/** The language switch: a cookie (no URL prefix), remembered on the account too. */
export const actions: Actions = {
	default: async ({ request, cookies, locals, url }) => {
		const data = await request.formData();
		const locale = data.get('locale') === 'en' ? 'en' : 'fr';
		cookies.set(cookieName, locale, {
			path: '/',
			httpOnly: false,
			sameSite: 'lax',
			maxAge: cookieMaxAge
		});
		if (locals.user) await setUserLocale(locals.user.id, locale);
		const target = data.get('redirectTo');
		redirect(303, safeRedirectTarget(typeof target === 'string' ? target : null, url.origin, '/'));
	}
};
