import type { PageServerLoad } from './$types';
import { listClients } from '$lib/server/clients/service';
import { listTombstones } from '$lib/server/clients/destruction';
import { loadOrError } from '$lib/server/http';

export const load: PageServerLoad = async ({ locals, url }) => {
	const search = url.searchParams.get('search') ?? '';
	const page = url.searchParams.get('page') ?? '1';
	const result = await loadOrError(() =>
		listClients(locals.ctx, { search, page: /^\d+$/.test(page) ? page : '1' })
	);
	const tombstones = await loadOrError(() => listTombstones(locals.ctx));
	return { ...result, search, tombstones };
};
