import type { Actions, PageServerLoad } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { listComponents } from '$lib/server/components/service';
import { calendarFeedActions, calendarFeedLoad } from '$lib/server/feeds/panel';
import { loadOrError } from '$lib/server/http';
import { maintenanceCalendar } from '$lib/server/maintenance/calendar-view';

export const load: PageServerLoad = ({ locals, params, url }) =>
	loadOrError(async () => ({
		calendar: await maintenanceCalendar(
			locals.ctx,
			params.client,
			Object.fromEntries(url.searchParams),
			getLocale()
		),
		components: (await listComponents(locals.ctx, params.client)).map((c) => ({
			key: c.key,
			name: c.name
		})),
		calendarFeed: await calendarFeedLoad(locals.ctx)
	}));

export const actions: Actions = { ...calendarFeedActions };
