import type { Actions, PageServerLoad } from './$types';
import { STAFF_RESTORE_STEPS } from '$lib/domain/restores';
import { loadOrError } from '$lib/server/http';
import { restoreActions, staffRestoreSteps } from '$lib/server/restores/actions';
import { getRestore, locateRestore } from '$lib/server/restores/read';
import { availableSteps } from '$lib/server/restores/transitions';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const slug = await locateRestore(locals.ctx, params.number);
		const restore = await getRestore(locals.ctx, slug, params.number);
		return { restore, steps: availableSteps(restore, STAFF_RESTORE_STEPS) };
	});

export const actions: Actions = restoreActions(
	async (e) => ({
		slug: await locateRestore(e.locals.ctx, e.params.number!),
		number: e.params.number!
	}),
	staffRestoreSteps
);
