import { fail } from '@sveltejs/kit';
import type { Actions } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages';
import { requestPasswordReset } from '$lib/server/auth/account';
import { emailSchema } from '$lib/server/validation';

export const actions: Actions = {
	default: async ({ request, url, locals }) => {
		const email = String((await request.formData()).get('email') ?? '');
		const parsed = emailSchema.safeParse(email);
		if (!parsed.success) return fail(400, { email, error: m.validation_email(), sent: false });
		await requestPasswordReset(parsed.data, url.origin, getLocale(), locals.ctx.ip);
		return { email, error: null, sent: true };
	}
};
