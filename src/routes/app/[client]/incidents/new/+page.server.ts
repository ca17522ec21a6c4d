import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getContract } from '$lib/server/clients/service';
import { listComponents } from '$lib/server/components/service';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { fileIncident } from '$lib/server/incidents/filing';
import { fileInputFromForm } from '$lib/server/incidents/form';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const actor = locals.ctx.actor;
		if (actor.kind === 'staff')
			redirect(303, `/staff/incidents/new?client=${encodeURIComponent(params.client)}`);
		const { settings } = await getContract(locals.ctx, params.client);
		const components = await listComponents(locals.ctx, params.client);
		return {
			refusal: m.incident_file_forbidden(),
			rules: settings?.incidents ?? null,
			components: components.map((c) => ({ key: c.key, name: c.name }))
		};
	});

export const actions: Actions = formActions(
	{
		default: async (data, { locals, params }) => {
			const { number } = await fileIncident(locals.ctx, params.client!, fileInputFromForm(data));
			redirect(303, `/app/${params.client}/incidents/${number}`);
		}
	},
	(data) => ({ components: data.getAll('components').map(String) })
);
