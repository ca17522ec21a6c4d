/**
 * Maintenance windows as an RFC 5545 calendar (ical-generator). Pure: the windows come read and
 * filtered (feeds/windows.ts); this only says them in the reader's language.
 */
import ical, { ICalEventStatus } from 'ical-generator';
import { m } from '$lib/paraglide/messages';

export type FeedLocale = 'fr' | 'en';

export interface FeedWindow {
	id: string;
	title: string;
	/** Only where the reader may read it: their own client's windows (never on public feeds). */
	description: string | null;
	start: Date;
	end: Date;
	cancelled: boolean;
	cancelReason: string | null;
	/** The revision, bumped by the database on every change (RFC 5545 §3.8.7.4 SEQUENCE). */
	sequence: number;
	updatedAt: Date;
	components: string[];
	/** Named for staff, who see every client; never on a client's or the public feed. */
	clientName?: string;
	/** Where the reader finds the window in the portal. */
	url?: string;
}

export interface FeedCalendar {
	name: string;
	/** Host part of every UID: `<window id>@<host>` stays the same across reads and changes. */
	host: string;
	locale: FeedLocale;
	windows: FeedWindow[];
}

function describe(w: FeedWindow, locale: FeedLocale): string {
	const lines: string[] = [];
	if (w.description) lines.push(w.description, '');
	if (w.components.length)
		lines.push(m.feed_components({ components: w.components.join(', ') }, { locale }));
	if (w.cancelled)
		lines.push(
			w.cancelReason
				? m.feed_cancelled_because({ reason: w.cancelReason }, { locale })
				: m.feed_cancelled({}, { locale })
		);
	return lines.join('\n');
}

/** The calendar text: stable UIDs, SEQUENCE, STATUS:CANCELLED, times in UTC (`…Z`). */
export function maintenanceCalendar(feed: FeedCalendar): string {
	const { locale } = feed;
	const calendar = ical({
		name: feed.name,
		prodId: { company: 'hosting-portal', product: 'maintenance', language: locale.toUpperCase() },
		ttl: 15 * 60
	});
	for (const w of feed.windows) {
		const title = w.clientName ? `[${w.clientName}] ${w.title}` : w.title;
		calendar.createEvent({
			id: `${w.id}@${feed.host}`,
			sequence: w.sequence,
			stamp: w.updatedAt,
			lastModified: w.updatedAt,
			start: w.start,
			end: w.end,
			summary: m.feed_event_summary({ title }, { locale }),
			description: describe(w, locale),
			status: w.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
			...(w.url ? { url: w.url } : {})
		});
	}
	return calendar.toString();
}
