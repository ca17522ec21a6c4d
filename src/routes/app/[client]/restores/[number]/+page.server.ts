import type { Actions, PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { clientRestoreSteps, restoreActions } from '$lib/server/restores/actions';
import { getRestore } from '$lib/server/restores/read';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => ({
		restore: await getRestore(locals.ctx, params.client, params.number)
	}));

export const actions: Actions = restoreActions(
	(e) => ({ slug: e.params.client!, number: e.params.number! }),
	clientRestoreSteps
);
