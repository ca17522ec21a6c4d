/**
 * /status as Atom and RSS (the `feed` library): the public incidents and maintenance, exactly
 * what getPublicNotices lets the public page say (title, dates, state, public components), never
 * a description, a number or a client. Pure: the notices come read.
 */
import { Feed } from 'feed';
import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import { m } from '$lib/paraglide/messages';
import { formatDateTime } from '$lib/labels';
import type { PublicIncident, PublicMaintenance } from '../status/public-notices-rules';
import type { FeedLocale } from './calendar';

export interface StatusNotices {
	incidents: { current: PublicIncident[]; past: PublicIncident[] };
	maintenance: { upcoming: PublicMaintenance[]; past: PublicMaintenance[] };
}

interface Entry {
	id: string;
	title: string;
	summary: string;
	date: Date;
	published: Date;
}

/** No notice carries a public id: its kind, start and title name it, the same at every read. */
const entryId = (origin: string, kind: string, start: string, title: string) =>
	`${origin}/status#${kind}-${encodeHexLowerCase(sha256(new TextEncoder().encode(`${kind}\n${start}\n${title}`))).slice(0, 24)}`;

function entries(notices: StatusNotices, origin: string, locale: FeedLocale): Entry[] {
	const at = (v: string) => formatDateTime(v, locale);
	const affected = (components: string[]) =>
		m.public_affected({ components: components.join(', ') }, { locale });
	const incidentStatus: Record<PublicIncident['status'], () => string> = {
		open: () => m.incident_status_open({}, { locale }),
		acknowledged: () => m.incident_status_acknowledged({}, { locale }),
		resolved: () => m.incident_status_resolved({}, { locale }),
		closed: () => m.incident_status_closed({}, { locale })
	};
	const maintenanceState: Record<PublicMaintenance['state'], () => string> = {
		scheduled: () => m.public_maintenance_scheduled({}, { locale }),
		in_progress: () => m.public_maintenance_in_progress({}, { locale }),
		completed: () => m.public_maintenance_completed({}, { locale })
	};
	const incidents = [...notices.incidents.current, ...notices.incidents.past].map((i) => ({
		id: entryId(origin, 'incident', i.start, i.title),
		title: m.feed_incident_title(
			{ title: i.title, status: incidentStatus[i.status]() },
			{ locale }
		),
		summary: [
			i.end
				? m.maintenance_window({ start: at(i.start), end: at(i.end) }, { locale })
				: m.status_since({ when: at(i.start) }, { locale }),
			affected(i.components)
		].join(' · '),
		date: new Date(i.end ?? i.start),
		published: new Date(i.start)
	}));
	const windows = [...notices.maintenance.upcoming, ...notices.maintenance.past].map((w) => ({
		id: entryId(origin, 'maintenance', w.start, w.title),
		title: m.feed_maintenance_title(
			{ title: w.title, state: maintenanceState[w.state]() },
			{ locale }
		),
		summary: [
			m.maintenance_window({ start: at(w.start), end: at(w.end) }, { locale }),
			affected(w.components)
		].join(' · '),
		// An announced window is news when announced: its start is what readers sort by.
		date: new Date(w.state === 'completed' ? w.end : w.start),
		published: new Date(w.start)
	}));
	return [...incidents, ...windows].sort((a, b) => b.date.getTime() - a.date.getTime());
}

export function statusFeed(notices: StatusNotices, origin: string, locale: FeedLocale): Feed {
	const list = entries(notices, origin, locale);
	const feed = new Feed({
		id: `${origin}/status`,
		title: m.public_status_title({}, { locale }),
		description: m.public_status_intro({}, { locale }),
		link: `${origin}/status`,
		language: locale,
		updated: list[0]?.date ?? new Date(0),
		generator: false,
		copyright: '',
		feedLinks: { atom: `${origin}/status/feed.atom`, rss: `${origin}/status/feed.rss` }
	});
	for (const e of list)
		feed.addItem({
			id: e.id,
			guid: e.id,
			title: e.title,
			link: `${origin}/status`,
			description: e.summary,
			date: e.date,
			published: e.published
		});
	return feed;
}
