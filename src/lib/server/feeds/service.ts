import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { getDb } from '../db';
import { client } from '../db/schema';
import { notFound } from '../errors';
import { portalOrigin } from '../incidents/context';
import { maintenanceCalendar, type FeedLocale } from './calendar';
import { readerOfFeedToken } from './token';
import { feedWindows } from './windows';

const host = () => new URL(portalOrigin()).host;

/** The calendar a personal feed URL names, in its owner's language; an unknown or revoked token is a 404. */
export async function personalMaintenanceFeed(token: string): Promise<string> {
	const found = await readerOfFeedToken(token);
	if (!found) throw notFound();
	const { reader, locale } = found;
	let name: string = m.feed_all_clients({}, { locale });
	if (reader.kind === 'member') {
		const [own] = await getDb()
			.select({ name: client.name })
			.from(client)
			.where(eq(client.id, reader.clientId));
		name = own?.name ?? name;
	}
	return maintenanceCalendar({
		name: m.feed_calendar_name({ name }, { locale }),
		host: host(),
		locale,
		windows: await feedWindows(reader)
	});
}

/** The shared infrastructure's maintenance, as /status shows it, for anyone. */
export async function publicMaintenanceFeed(locale: FeedLocale): Promise<string> {
	return maintenanceCalendar({
		name: m.feed_public_calendar_name({}, { locale }),
		host: host(),
		locale,
		windows: await feedWindows(null)
	});
}

export const CALENDAR_HEADERS = {
	'content-type': 'text/calendar; charset=utf-8',
	'cache-control': 'private, max-age=300'
};
