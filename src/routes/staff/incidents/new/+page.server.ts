import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { getContract } from '$lib/server/clients/service';
import { listComponents } from '$lib/server/components/service';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { fileIncident } from '$lib/server/incidents/filing';
import { fileInputFromForm } from '$lib/server/incidents/form';
import { clientChoices } from '$lib/server/incidents/locate';

export const load: PageServerLoad = ({ locals, url }) =>
	loadOrError(async () => {
		const clients = await clientChoices(locals.ctx);
		const picked = clients.find((c) => c.slug === url.searchParams.get('client'));
		if (!picked) return { clients, picked: null, rules: null, components: [] };
		const { settings } = await getContract(locals.ctx, picked.slug);
		const components = await listComponents(locals.ctx, picked.slug);
		return {
			clients,
			picked,
			rules: settings?.incidents ?? null,
			components: components.map((c) => ({ key: c.key, name: c.name }))
		};
	});

export const actions: Actions = formActions(
	{
		default: async (data, { locals }) => {
			const { number } = await fileIncident(
				locals.ctx,
				String(data.get('client') ?? ''),
				fileInputFromForm(data)
			);
			redirect(303, `/staff/incidents/${number}`);
		}
	},
	(data) => ({ components: data.getAll('components').map(String) })
);
