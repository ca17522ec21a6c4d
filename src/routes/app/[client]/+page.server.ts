import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { listIncidents } from '$lib/server/incidents/read';
import { upcomingMaintenance } from '$lib/server/maintenance/view';
import { getClientStatus } from '$lib/server/status/read';

const RECENT_INCIDENTS = 5;

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const [status, incidents, maintenance] = await Promise.all([
			getClientStatus(locals.ctx, params.client),
			listIncidents(locals.ctx, params.client, {}),
			upcomingMaintenance(locals.ctx, params.client)
		]);
		return {
			components: status.components.map(({ id: _id, ...view }) => view),
			maintenance,
			recentIncidents: incidents.items
				.slice(0, RECENT_INCIDENTS)
				.map(({ number, title, severity, status, reportedAt }) => ({
					number,
					title,
					severity,
					status,
					reportedAt
				}))
		};
	});
