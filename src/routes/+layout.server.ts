import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { liveCursor } from '$lib/server/live/cursor';
import { permissionsOf } from '$lib/server/policy';

export const load: LayoutServerLoad = async ({ locals }) => {
	const a = locals.ctx.actor;
	const viewer =
		a.kind === 'staff'
			? { name: a.name, kind: 'staff' as const, role: a.role, clientSlug: null }
			: a.kind === 'member'
				? { name: a.name, kind: 'member' as const, role: a.role, clientSlug: a.clientSlug }
				: a.kind === 'user'
					? { name: a.name, kind: 'user' as const, role: null, clientSlug: null }
					: null;
	return {
		viewer,
		can: permissionsOf(locals.ctx),
		locale: getLocale(),
		liveCursor: viewer ? await liveCursor(locals.ctx) : 0
	};
};
