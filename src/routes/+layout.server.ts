import type { LayoutServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { liveCursor } from '$lib/server/live/cursor';
import { permissionsOf } from '$lib/server/policy';
import type { Actor } from '$lib/server/context';

/**
 * A member's own client home hands its socket the cursor its shared data is current to
 * (status/client-home.ts): no second look-up here.
 */
const ownCursor = (route: string | null, client: string | undefined, a: Actor) =>
	route === '/app/[client]' && a.kind === 'member' && a.clientSlug === client;

export const load: LayoutServerLoad = async ({ locals, params, route, untrack }) => {
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
		liveCursor:
			!viewer ||
			untrack(() => ownCursor(route.id, 'client' in params ? params.client : undefined, a))
				? 0
				: await liveCursor(locals.ctx)
	};
};
