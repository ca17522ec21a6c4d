import type { Actions, PageServerLoad } from './$types';
import { listMembers } from '$lib/server/people/service';
import { memberActions } from '$lib/server/people/actions';
import { loadOrError } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => ({
		members: await listMembers(locals.ctx, params.client)
	}));

export const actions: Actions = memberActions((e) => e.params.client!);
