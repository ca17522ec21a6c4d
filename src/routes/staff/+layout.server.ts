import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { authorize } from '$lib/server/policy';

/** The console does not exist for anyone but staff. */
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (locals.ctx.actor.kind === 'anonymous')
		redirect(303, `/login?redirectTo=${encodeURIComponent(url.pathname)}`);
	return loadOrError(() => {
		authorize(locals.ctx, 'console.open');
		return {};
	});
};
