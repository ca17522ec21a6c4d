import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { localOfInstant } from '$lib/server/maintenance/local-time';
import { cancelMaintenance, updateMaintenance } from '$lib/server/maintenance/service';
import { getStaffWindow, rescheduleFromForm } from '$lib/server/maintenance/staff-console';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => {
		const found = await getStaffWindow(locals.ctx, params.id);
		const tz = found.item.client.timezone;
		return {
			...found,
			local: {
				start: localOfInstant(new Date(found.item.start), tz),
				end: localOfInstant(new Date(found.item.end), tz)
			}
		};
	});

/** The window's client, found by id alone (staff reach every client). */
const slugOf = async (ctx: App.Locals['ctx'], id: string) =>
	(await getStaffWindow(ctx, id)).item.client.slug;

export const actions: Actions = formActions({
	publish: async (_data, { locals, params }) => {
		await updateMaintenance(locals.ctx, await slugOf(locals.ctx, params.id!), params.id!, {
			publish: true
		});
		return m.mstaff_published_done();
	},
	cancel: async (data, { locals, params }) => {
		await cancelMaintenance(locals.ctx, await slugOf(locals.ctx, params.id!), params.id!, {
			reason: String(data.get('reason') ?? '')
		});
		return m.mstaff_cancelled_done();
	},
	reschedule: async (data, { locals, params }) => {
		const { item } = await getStaffWindow(locals.ctx, params.id!);
		await updateMaintenance(
			locals.ctx,
			item.client.slug,
			params.id!,
			rescheduleFromForm(data, item.client.timezone)
		);
		return m.mstaff_rescheduled_done();
	}
});
