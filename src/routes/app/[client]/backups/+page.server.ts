import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { backupMachines, backupVolumes, listBackupPage } from '$lib/server/backups/overview';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => {
		const list = await listBackupPage(
			locals.ctx,
			params.client,
			Object.fromEntries(url.searchParams)
		);
		const [machines, volumes] = await Promise.all([
			backupMachines(locals.ctx, params.client),
			backupVolumes(locals.ctx, params.client)
		]);
		return { list, machines, volumes };
	});
