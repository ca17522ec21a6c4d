import type { Actions, PageServerLoad } from './$types';
import { formActions } from '$lib/server/forms';
import { loadOrError } from '$lib/server/http';
import { getBackup, listBackupFiles } from '$lib/server/backups/read';
import { receptionRecipients, verifyStoredReport } from '$lib/server/backups/overview';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => {
		const detail = await getBackup(locals.ctx, params.client, params.id);
		const files = await listBackupFiles(locals.ctx, params.client, params.id, {
			search: url.searchParams.get('search') || undefined,
			page: url.searchParams.get('page') || undefined
		});
		return {
			backup: detail.backup,
			lastRestoreTest: detail.lastRestoreTest,
			files,
			recipients: await receptionRecipients(detail.client, detail.backup)
		};
	});

export const actions: Actions = formActions({
	verify: async (_data, { locals, params }) => ({
		valid: (await verifyStoredReport(locals.ctx, params.client!, params.id!)).valid
	})
});
