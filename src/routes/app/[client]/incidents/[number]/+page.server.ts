import type { Actions, PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { clientSteps, incidentActions } from '$lib/server/incidents/actions';
import { getIncident } from '$lib/server/incidents/read';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		return { incident: await getIncident(locals.ctx, params.client, params.number) };
	});

export const actions: Actions = incidentActions(
	(e) => ({ slug: e.params.client!, number: e.params.number! }),
	clientSteps
);
