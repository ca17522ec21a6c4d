import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getContract, updateClient, updateContract } from '$lib/server/clients/service';
import { clientInputFromForm, contractInputFromForm } from '$lib/server/clients/form';
import {
	createComponent,
	deleteComponent,
	listComponents,
	updateComponent
} from '$lib/server/components/service';
import { PRESET_NAMES } from '$lib/server/contracts/settings';
import { actionFailure, loadOrError } from '$lib/server/http';
import { listMembers } from '$lib/server/people/service';
import { getProbesOfClient, removeProbe, setProbe } from '$lib/server/status/probes/service';
import { memberActions } from '$lib/server/people/actions';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const { client, contract } = await getContract(locals.ctx, params.slug);
		return {
			detail: client,
			contract: {
				preset: contract.preset,
				monthlyFee: (contract.monthlyFeeCents / 100).toFixed(2),
				overrides: Object.keys(contract.overrides).length ? JSON.stringify(contract.overrides, null, 2) : ''
			},
			presets: PRESET_NAMES,
			components: await listComponents(locals.ctx, params.slug),
			members: await listMembers(locals.ctx, params.slug),
			probes: await getProbesOfClient(locals.ctx, params.slug)
		};
	});

type Handler = (data: FormData, ctx: App.Locals['ctx'], slug: string) => Promise<string>;

function action(run: Handler) {
	return async ({ request, locals, params }: { request: Request; locals: App.Locals; params: { slug: string } }) => {
		const data = await request.formData();
		try {
			return { success: await run(data, locals.ctx, params.slug), form: String(data.get('form') ?? '') };
		} catch (e) {
			return actionFailure(e, data);
		}
	};
}

export const actions: Actions = {
	update: action(async (data, ctx, slug) => {
		const { name, timezone, commissionedAt } = clientInputFromForm(data);
		await updateClient(ctx, slug, { name, timezone, commissionedAt });
		return m.saved();
	}),
	contract: action(async (data, ctx, slug) => {
		await updateContract(ctx, slug, contractInputFromForm(data));
		return m.saved();
	}),
	addComponent: action(async (data, ctx, slug) => {
		await createComponent(ctx, slug, Object.fromEntries(data));
		return m.component_added();
	}),
	editComponent: action(async (data, ctx, slug) => {
		await updateComponent(ctx, slug, String(data.get('key')), {
			name: data.get('name'),
			public: data.get('public') === 'on',
			slaScope: data.get('slaScope') === 'on',
			expectedIntervalSeconds: data.get('expectedIntervalSeconds') || undefined
		});
		return m.saved();
	}),
	deleteComponent: action(async (data, ctx, slug) => {
		await deleteComponent(ctx, slug, String(data.get('key')));
		return m.component_deleted();
	}),
	setProbe: action(async (data, ctx, slug) => {
		await setProbe(ctx, slug, String(data.get('component')), { ...Object.fromEntries(data), enabled: data.get('enabled') === 'on' });
		return m.probe_saved();
	}),
	removeProbe: action(async (data, ctx, slug) => {
		await removeProbe(ctx, slug, String(data.get('component')));
		return m.probe_removed();
	}),
	...memberActions((e) => e.params.slug!)
};
