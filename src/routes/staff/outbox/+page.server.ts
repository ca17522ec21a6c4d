import type { PageServerLoad } from './$types';
import { loadOrError } from '$lib/server/http';
import { listOutbox } from '$lib/server/mail/outbox';

/** Pages 1–10,000 like every other list (`?page=1e20` would make an offset PostgreSQL refuses). */
const MAX_PAGE = 10_000;

export const load: PageServerLoad = async ({ locals, url }) => {
	const asked = Number(url.searchParams.get('page') ?? '1');
	const page = Number.isInteger(asked) && asked >= 1 && asked <= MAX_PAGE ? asked : 1;
	return loadOrError(() =>
		listOutbox(locals.ctx, page).then((r) => ({
			...r,
			page,
			smtp: Boolean(process.env.SMTP_URL)
		}))
	);
};
