/**
 * The calendar feed panel's server side, for any page that shows CalendarFeedPanel.svelte: its
 * load data and its two form actions (spread them into the page's `actions`).
 */
import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { formActions } from '../forms';
import { can } from '../policy';
import { getCalendarFeed, regenerateCalendarFeed, revokeCalendarFeed } from './token';

export async function calendarFeedLoad(ctx: RequestContext) {
	if (!can(ctx, 'maintenance.feed')) return null;
	const feed = await getCalendarFeed(ctx);
	return {
		exists: feed !== null,
		createdAt: feed?.createdAt.toISOString() ?? null,
		lastUsedAt: feed?.lastUsedAt?.toISOString() ?? null
	};
}

export type CalendarFeedData = Awaited<ReturnType<typeof calendarFeedLoad>>;

export const calendarFeedActions = formActions({
	calendarFeedRegenerate: async (_data, { locals }) => ({
		success: m.feed_regenerated(),
		feedUrl: (await regenerateCalendarFeed(locals.ctx)).url
	}),
	calendarFeedRevoke: async (_data, { locals }) => {
		await revokeCalendarFeed(locals.ctx);
		return m.feed_revoked();
	}
});
