import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { listOutbox } from '$lib/server/mail/outbox';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = Number(url.searchParams.get('page') ?? '1');
	return loadOrError(() => listOutbox(locals.ctx, Number.isInteger(page) && page > 0 ? page : 1).then((r) => ({
		...r,
		page: Number.isInteger(page) && page > 0 ? page : 1,
		smtp: Boolean(process.env.SMTP_URL)
	})));
};
