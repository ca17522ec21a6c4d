import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { listMembershipHistory } from '$lib/server/people/history';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => ({
		periods: (await listMembershipHistory(locals.ctx, params.client)).periods,
		printedAt: new Date()
	}));
