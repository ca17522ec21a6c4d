import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { getContract, updateClient, updateContract } from '$lib/server/clients/service';
import {
	getContractEnd,
	recordContractEnd,
	withdrawContractEnd
} from '$lib/server/clients/end-of-contract';
import { clientInputFromForm, contractInputFromForm } from '$lib/server/clients/form';
import {
	createComponent,
	deleteComponent,
	listComponents,
	updateComponent
} from '$lib/server/components/service';
import { PRESET_NAMES } from '$lib/server/contracts/settings';
import { setClientAdminTwoFactor } from '$lib/server/auth/security-settings';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
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
				overrides: Object.keys(contract.overrides).length
					? JSON.stringify(contract.overrides, null, 2)
					: ''
			},
			monthlyFeeCents: contract.monthlyFeeCents,
			presets: PRESET_NAMES,
			contractEnd: await getContractEnd(locals.ctx, params.slug),
			components: await listComponents(locals.ctx, params.slug),
			members: await listMembers(locals.ctx, params.slug),
			probes: await getProbesOfClient(locals.ctx, params.slug)
		};
	});

export const actions: Actions = {
	...formActions({
		adminTwoFactor: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await setClientAdminTwoFactor(ctx, slug, { required: data.get('required') === 'on' });
			return m.saved();
		},
		update: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			const { name, timezone, commissionedAt } = clientInputFromForm(data);
			await updateClient(ctx, slug, { name, timezone, commissionedAt });
			return m.saved();
		},
		contract: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await updateContract(ctx, slug, contractInputFromForm(data));
			return m.saved();
		},
		contractEnd: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await recordContractEnd(ctx, slug, { endsOn: String(data.get('endsOn') ?? '') });
			return m.contract_end_saved();
		},
		withdrawContractEnd: async (_data, { locals: { ctx }, params: { slug = '' } }) => {
			await withdrawContractEnd(ctx, slug);
			return m.contract_end_withdrawn();
		},
		addComponent: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await createComponent(ctx, slug, Object.fromEntries(data));
			return m.component_added();
		},
		editComponent: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await updateComponent(ctx, slug, String(data.get('key')), {
				name: data.get('name'),
				public: data.get('public') === 'on',
				slaScope: data.get('slaScope') === 'on',
				expectedIntervalSeconds: data.get('expectedIntervalSeconds') || undefined
			});
			return m.saved();
		},
		deleteComponent: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await deleteComponent(ctx, slug, String(data.get('key')));
			return m.component_deleted();
		},
		setProbe: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await setProbe(ctx, slug, String(data.get('component')), {
				...Object.fromEntries(data),
				enabled: data.get('enabled') === 'on'
			});
			return m.probe_saved();
		},
		removeProbe: async (data, { locals: { ctx }, params: { slug = '' } }) => {
			await removeProbe(ctx, slug, String(data.get('component')));
			return m.probe_removed();
		}
	}),
	...memberActions((e) => e.params.slug!)
};
