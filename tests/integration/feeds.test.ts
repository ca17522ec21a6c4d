import ICAL from 'ical.js';
import { xml2js, type Element } from 'xml-js';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import { statusOf } from './factories';
import { personalMaintenanceFeed, publicMaintenanceFeed } from '../../src/lib/server/feeds/service';
import { statusFeed } from '../../src/lib/server/feeds/status-feed';
import {
	getCalendarFeed,
	regenerateCalendarFeed,
	revokeCalendarFeed
} from '../../src/lib/server/feeds/token';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import {
	cancelMaintenance,
	createMaintenance,
	updateMaintenance
} from '../../src/lib/server/maintenance/service';
import { getPublicNotices } from '../../src/lib/server/status/public-notices';
import { createMember, createStaff, createTenant, unique } from './factories';

const HOUR = 3_600_000;
const tokenOf = (url: string) => /\/feeds\/maintenance\/([a-z2-7]{32})\.ics$/.exec(url)![1];

interface ParsedEvent {
	uid: string;
	sequence: number;
	status: string;
	summary: string;
	description: string;
	startUtc: boolean;
	endUtc: boolean;
	start: Date;
}

/** The calendar as a real iCalendar parser reads it. */
function parse(text: string): ParsedEvent[] {
	const calendar = new ICAL.Component(ICAL.parse(text));
	return calendar.getAllSubcomponents('vevent').map((v) => {
		const start = v.getFirstPropertyValue('dtstart') as ICAL.Time;
		const end = v.getFirstPropertyValue('dtend') as ICAL.Time;
		return {
			uid: String(v.getFirstPropertyValue('uid')),
			sequence: Number(v.getFirstPropertyValue('sequence')),
			status: String(v.getFirstPropertyValue('status')),
			summary: String(v.getFirstPropertyValue('summary')),
			description: String(v.getFirstPropertyValue('description') ?? ''),
			startUtc: start.zone === ICAL.Timezone.utcTimezone,
			endUtc: end.zone === ICAL.Timezone.utcTimezone,
			start: start.toJSDate()
		};
	});
}

async function world() {
	const staff = await createStaff();
	const a = await createTenant(staff);
	const b = await createTenant(staff);
	const infra = await createTenant(staff);
	await createComponent(staff, a.slug, { key: 'web-1', name: 'Web A', kind: 'server' });
	await createComponent(staff, b.slug, { key: 'web-1', name: 'Web B', kind: 'server' });
	const shared = unique('Réseau mutualisé');
	await createComponent(staff, infra.slug, {
		key: 'net',
		name: shared,
		kind: 'network',
		public: true
	});
	const at = (days: number) => new Date(Date.now() + days * 86_400_000);
	const window = (slug: string, component: string, title: string, days: number, extra = {}) =>
		createMaintenance(staff, slug, {
			components: [component],
			start: at(days).toISOString(),
			end: new Date(at(days).getTime() + HOUR).toISOString(),
			title,
			description: `Détails de ${title}`,
			...extra
		});
	const published = await window(a.slug, 'web-1', 'Mise à jour A', 20);
	const draft = await window(a.slug, 'web-1', 'Brouillon A', 21, { publish: false });
	const cancelled = await window(a.slug, 'web-1', 'Annulée A', 22);
	await cancelMaintenance(staff, a.slug, cancelled.id, { reason: 'Plus nécessaire' });
	const ofB = await window(b.slug, 'web-1', 'Secret de B', 23);
	const sharedWindow = await window(infra.slug, 'net', 'Coupure réseau', 24);
	const member = await createMember(a.id, a.slug, 'viewer');
	return {
		staff,
		a,
		b,
		infraSlug: infra.slug,
		member,
		published,
		draft,
		cancelled,
		ofB,
		sharedWindow,
		shared
	};
}

describe('personal iCal feed (issue 11 §5)', () => {
	it("shows the member's published and cancelled windows and the shared ones, never drafts or another client's", async () => {
		const w = await world();
		expect(await getCalendarFeed(w.member)).toBeNull();
		const { url } = await regenerateCalendarFeed(w.member);
		const events = parse(await personalMaintenanceFeed(tokenOf(url)));
		const host = new URL(url).host;
		const byUid = new Map(events.map((e) => [e.uid, e]));
		// Other files' shared windows (the database is shared across files) may be there too.
		const ours = new Set(
			[w.published, w.draft, w.cancelled, w.ofB, w.sharedWindow].map((x) => `${x.id}@${host}`)
		);
		expect([...byUid.keys()].filter((uid) => ours.has(uid)).sort()).toEqual(
			[w.published.id, w.cancelled.id, w.sharedWindow.id].map((id) => `${id}@${host}`).sort()
		);
		expect(byUid.get(`${w.cancelled.id}@${host}`)!.status).toBe('CANCELLED');
		expect(byUid.get(`${w.published.id}@${host}`)!.status).toBe('CONFIRMED');
		for (const e of events) expect([e.startUtc, e.endUtc]).toEqual([true, true]);
		// French by default (no language chosen), with the description of its own window only.
		const own = byUid.get(`${w.published.id}@${host}`)!;
		expect(own.summary).toBe('Maintenance : Mise à jour A');
		expect(own.description).toContain('Détails de Mise à jour A');
		const shared = byUid.get(`${w.sharedWindow.id}@${host}`)!;
		expect(shared.description).not.toContain('Détails');
		expect(shared.description).toContain(w.shared);
		expect(JSON.stringify(events)).not.toContain('Secret de B');
		expect(await getCalendarFeed(w.member)).toMatchObject({ createdAt: expect.any(Date) });
	});

	it('keeps each UID across reads and bumps SEQUENCE on every change', async () => {
		const w = await world();
		const { url } = await regenerateCalendarFeed(w.member);
		const read = async () => {
			const events = parse(await personalMaintenanceFeed(tokenOf(url)));
			return events.find((e) => e.uid.startsWith(w.published.id))!;
		};
		const first = await read();
		expect(await read()).toEqual(first);
		const later = new Date(first.start.getTime() + 2 * HOUR);
		await updateMaintenance(w.staff, w.a.slug, w.published.id, {
			start: later.toISOString(),
			end: new Date(later.getTime() + HOUR).toISOString()
		});
		const moved = await read();
		expect(moved.uid).toBe(first.uid);
		expect(moved.sequence).toBe(first.sequence + 1);
		expect(moved.start).toEqual(later);
		await cancelMaintenance(w.staff, w.a.slug, w.published.id, { reason: 'Reportée' });
		const gone = await read();
		expect(gone).toMatchObject({
			uid: first.uid,
			sequence: first.sequence + 2,
			status: 'CANCELLED'
		});
	});

	it('answers 404 for a revoked, replaced or unknown token', async () => {
		const w = await world();
		const first = tokenOf((await regenerateCalendarFeed(w.member)).url);
		const second = tokenOf((await regenerateCalendarFeed(w.member)).url);
		expect(await statusOf(() => personalMaintenanceFeed(first))).toBe(404);
		expect(await statusOf(() => personalMaintenanceFeed(second))).toBe('ok');
		await revokeCalendarFeed(w.member);
		expect(await statusOf(() => personalMaintenanceFeed(second))).toBe(404);
		expect(await statusOf(() => personalMaintenanceFeed('x'.repeat(32)))).toBe(404);
		expect(await statusOf(() => personalMaintenanceFeed("' or 1=1 --"))).toBe(404);
		expect(await statusOf(() => revokeCalendarFeed(w.member))).toBe(404);
	});

	it('gives staff every client, named, and speaks English to English readers', async () => {
		const w = await world();
		const { url } = await regenerateCalendarFeed(w.staff);
		const events = parse(await personalMaintenanceFeed(tokenOf(url)));
		const ofB = events.find((e) => e.uid.startsWith(w.ofB.id))!;
		expect(ofB.summary).toBe(`Maintenance : [Client ${w.b.slug}] Secret de B`);
		expect(events.some((e) => e.uid.startsWith(w.draft.id))).toBe(false);
		const english = parse(await publicMaintenanceFeed('en'));
		expect(english.find((e) => e.uid.startsWith(w.sharedWindow.id))!.summary).toBe(
			'Maintenance: Coupure réseau'
		);
	});

	it('the public feed carries shared-infrastructure windows only, without descriptions', async () => {
		const w = await world();
		const events = parse(await publicMaintenanceFeed('fr'));
		const uids = events.map((e) => e.uid.split('@')[0]);
		expect(uids).toContain(w.sharedWindow.id);
		for (const id of [w.published.id, w.cancelled.id, w.ofB.id, w.draft.id])
			expect(uids).not.toContain(id);
		expect(JSON.stringify(events)).not.toContain('Détails');
	});
});

/** Well-formed XML (xml-js parses strictly and throws otherwise) and the names of its elements. */
function xmlElements(text: string): string[] {
	const names: string[] = [];
	const walk = (e: Element) => {
		if (e.type === 'element' && e.name) names.push(e.name);
		for (const child of e.elements ?? []) walk(child);
	};
	walk(xml2js(text, { compact: false }) as Element);
	return names;
}

describe('/status Atom and RSS feeds (issue 11 §6)', () => {
	it('list the public incidents and maintenance, well-formed, and nothing private', async () => {
		const w = await world();
		const staff = w.staff;
		await fileIncident(staff, w.a.slug, {
			severity: 'major',
			components: ['web-1'],
			title: 'Panne privée de A',
			description: 'x'
		});
		// A staff draft on the shared infrastructure is nobody's news yet.
		await createMaintenance(staff, w.infraSlug, {
			components: ['net'],
			start: new Date(Date.now() + 30 * 86_400_000).toISOString(),
			end: new Date(Date.now() + 30 * 86_400_000 + HOUR).toISOString(),
			title: 'Brouillon public',
			publish: false
		});
		const notices = await getPublicNotices();
		const origin = 'http://portal.test';
		const atom = statusFeed(notices, origin, 'fr').atom1();
		const rss = statusFeed(notices, origin, 'en').rss2();
		const atomNames = xmlElements(atom);
		const rssNames = xmlElements(rss);
		expect(atomNames[0]).toBe('feed');
		expect(rssNames[0]).toBe('rss');
		const entries = atomNames.filter((n) => n === 'entry').length;
		expect(entries).toBe(
			notices.incidents.current.length +
				notices.incidents.past.length +
				notices.maintenance.upcoming.length +
				notices.maintenance.past.length
		);
		expect(rssNames.filter((n) => n === 'item')).toHaveLength(entries);
		expect(atom).toContain('Coupure réseau');
		expect(atom).not.toContain('Brouillon public');
		for (const text of [atom, rss]) {
			expect(text).not.toContain('Panne privée de A');
			expect(text).not.toContain('Mise à jour A');
			expect(text).not.toContain('Détails');
		}
	});
});
