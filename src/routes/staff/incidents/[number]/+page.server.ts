import type { Actions, PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { incidentActions, staffSteps } from '$lib/server/incidents/actions';
import { locateIncident } from '$lib/server/incidents/locate';
import { getIncident } from '$lib/server/incidents/read';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const slug = await locateIncident(locals.ctx, params.number);
		return { incident: await getIncident(locals.ctx, slug, params.number) };
	});

export const actions: Actions = incidentActions(
	async (e) => ({
		slug: await locateIncident(e.locals.ctx, e.params.number!),
		number: e.params.number!
	}),
	staffSteps
);
