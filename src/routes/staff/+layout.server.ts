import { error, redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';

/** The console does not exist for anyone but staff. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	const actor = locals.ctx.actor;
	if (actor.kind === 'anonymous') redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	if (actor.kind !== 'staff') error(404, m.error_not_found());
	return { staffRole: actor.role };
};
