import { redirect } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import {
	previewMaintenanceMany,
	publishMaintenanceMany
} from '$lib/server/maintenance/publish-many';
import { publishManyFromForm } from '$lib/server/maintenance/staff-form';
import { maintenanceTargets } from '$lib/server/maintenance/staff-console';

export const load: PageServerLoad = ({ locals }) =>
	loadOrError(async () => ({ targets: await maintenanceTargets(locals.ctx) }));

async function save(data: FormData, ctx: App.Locals['ctx'], publish: boolean): Promise<never> {
	const created = await publishMaintenanceMany(ctx, publishManyFromForm(data, publish));
	redirect(
		303,
		created.length === 1
			? `/staff/maintenance/${created[0].id}`
			: `/staff/maintenance${publish ? '' : '?filter=drafts'}`
	);
}

const keep = (data: FormData) => ({ components: data.getAll('components').map(String) });

export const actions: Actions = formActions(
	{
		preview: async (data, { locals }) => ({
			preview: await previewMaintenanceMany(locals.ctx, publishManyFromForm(data, false)),
			values: Object.fromEntries([...data].map(([k, v]) => [k, String(v)])),
			...keep(data)
		}),
		draft: (data, { locals }) => save(data, locals.ctx, false),
		publish: (data, { locals }) => save(data, locals.ctx, true)
	},
	keep
);
