import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { EXPORT_KEEP_DAYS } from '$lib/server/export/format';
import { listExports, requestExport } from '$lib/server/export/service';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';

export const load: PageServerLoad = ({ locals, params }) =>
	loadOrError(async () => ({
		exports: await listExports(locals.ctx, params.client),
		keepDays: EXPORT_KEEP_DAYS
	}));

export const actions: Actions = formActions({
	ask: async (_data, { locals, params }) => {
		await requestExport(locals.ctx, params.client!);
		return m.export_asked();
	}
});
