import { redirect } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { landingPath } from '$lib/server/auth/account';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) redirect(303, '/login');
	redirect(303, await landingPath(locals.user.id));
};
