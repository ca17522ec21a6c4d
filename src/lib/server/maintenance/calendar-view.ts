/**
 * What a client's people see of maintenance: a month grid in the client's time zone and a list
 * (upcoming / past, by component and state, paged), each window with its components, compliance
 * and approval. Drafts never appear. A window of the shared infrastructure (every component
 * public: the one /status shows) appears in every client's calendar, marked as shared; its
 * compliance is the provider's own contract, so only its times and state are shown.
 */
import { and, asc, eq, inArray, isNotNull, ne, notInArray } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { clientScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { monthRange } from '../calendar/zoned';
import { getDb, type Executor } from '../db';
import { client, component, maintenance, maintenanceComponent } from '../db/schema';
import { invalid, notFound } from '../errors';
import { can } from '../policy';
import { isUuid, keySchema } from '../validation';
import { MAINTENANCE_STATES } from './lifecycle';
import { slaEffect, type SlaEffect } from './sla-effect';
import { maintenanceItems, type MaintenanceItem, type MaintenanceRow } from './records';
import { itemsAcrossClients } from './staff-console';
import { isMonth, monthGrid, windowDates } from './month-grid';

export const CLIENT_STATES = MAINTENANCE_STATES.filter((s) => s !== 'draft');
export const LIST_PAGE_SIZE = 10;

const querySchema = z.object({
	month: z.string().refine(isMonth).optional().catch(undefined),
	list: z.enum(['upcoming', 'past']).catch('upcoming'),
	component: keySchema.optional().catch(undefined),
	state: z.enum(CLIENT_STATES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});

export interface CalendarWindow extends Omit<
	MaintenanceItem,
	'components' | 'title' | 'description'
> {
	title: string;
	description: string | null;
	components: { key: string; name: string }[];
	shared: boolean;
	sla: SlaEffect;
	/** The local dates it is on, in the client's time zone. */
	dates: string[];
}

const published = isNotNull(maintenance.announcedAt);

/** Published windows of other clients whose every component is public: the shared infrastructure. */
function sharedRows(db: Executor, ownerId: string) {
	const touching = (isPublic: boolean) =>
		db
			.select({ id: maintenanceComponent.maintenanceId })
			.from(maintenanceComponent)
			.innerJoin(
				component,
				and(eq(component.id, maintenanceComponent.componentId), eq(component.public, isPublic))
			);
	return db
		.select({ row: maintenance, owner: client })
		.from(maintenance)
		.innerJoin(client, eq(client.id, maintenance.clientId))
		.where(
			and(
				ne(maintenance.clientId, ownerId),
				published,
				inArray(maintenance.id, touching(true)),
				notInArray(maintenance.id, touching(false))
			)
		)
		.orderBy(asc(maintenance.startAt))
		.limit(1000);
}

async function componentNames(db: Executor, ids: string[]) {
	const names = new Map<string, { key: string; name: string }[]>();
	if (ids.length === 0) return names;
	const links = await db
		.select({ id: maintenanceComponent.maintenanceId, key: component.key, name: component.name })
		.from(maintenanceComponent)
		.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
		.where(inArray(maintenanceComponent.maintenanceId, ids))
		.orderBy(asc(component.name));
	for (const l of links)
		names.set(l.id, [...(names.get(l.id) ?? []), { key: l.key, name: l.name }]);
	return names;
}

const english = (locale: string) => locale === 'en';

function windowOf(
	item: MaintenanceItem,
	row: Pick<MaintenanceRow, 'titleEn' | 'descriptionEn'>,
	components: { key: string; name: string }[],
	shared: boolean,
	timeZone: string,
	locale: string
): CalendarWindow {
	const en = english(locale);
	return {
		...item,
		title: (en && row.titleEn) || item.title,
		description: (en && row.descriptionEn) || item.description,
		components,
		shared,
		sla: slaEffect(item, item.approval.state, item.state === 'published' || item.state === 'draft'),
		dates: windowDates({ start: new Date(item.start), end: new Date(item.end) }, timeZone)
	};
}

/** Every window the client's people may see, own and shared, by start. */
async function visibleWindows(ctx: RequestContext, slug: string, locale: string, now: Date) {
	const scope = await clientScope(ctx, slug);
	const { client: owner, settings } = scope;
	if (!settings) throw invalid(m.incident_contract_invalid());
	const db = getDb();
	const own = await db
		.select()
		.from(maintenance)
		.where(and(eq(maintenance.clientId, owner.id), published))
		.orderBy(asc(maintenance.startAt), asc(maintenance.id))
		.limit(2000);
	const shared = await sharedRows(db, owner.id);
	const ownItems = await maintenanceItems(db, own, settings, owner.timezone, now);
	const sharedItems = await itemsAcrossClients(db, shared, now);
	const names = await componentNames(
		db,
		[...own, ...shared.map((s) => s.row)].map((r) => r.id)
	);
	const windows = [
		...ownItems.map((item, i) =>
			windowOf(item, own[i], names.get(item.id) ?? [], false, owner.timezone, locale)
		),
		...sharedItems.map((item, i) =>
			windowOf(item, shared[i].row, names.get(item.id) ?? [], true, owner.timezone, locale)
		)
	].sort((a, b) => a.start.localeCompare(b.start) || a.id.localeCompare(b.id));
	return { owner, windows };
}

const isPast = (w: CalendarWindow, now: Date) => new Date(w.end) <= now;

/** The client's calendar page: the month grid, its windows, and the filtered, paged list. */
export async function maintenanceCalendar(
	ctx: RequestContext,
	slug: string,
	query: unknown,
	locale: string,
	now = new Date()
) {
	const q = querySchema.parse(query);
	const { owner, windows } = await visibleWindows(ctx, slug, locale, now);
	const tz = owner.timezone;
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: tz }).format(now);
	const month = q.month ?? today.slice(0, 7);
	const range = monthRange(month, tz);
	const chosen = windows.filter(
		(w) =>
			(!q.component || w.components.some((c) => c.key === q.component)) &&
			(!q.state || w.state === q.state)
	);
	const inMonth = chosen.filter(
		(w) => new Date(w.start) < range.end && new Date(w.end) > range.start
	);
	const listed = chosen.filter((w) => isPast(w, now) === (q.list === 'past'));
	if (q.list === 'past') listed.reverse();
	const pages = Math.max(1, Math.ceil(listed.length / LIST_PAGE_SIZE));
	const page = Math.min(q.page, pages);
	return {
		timezone: tz,
		today,
		month,
		weeks: monthGrid(month, today),
		monthWindows: inMonth,
		filters: { list: q.list, component: q.component ?? null, state: q.state ?? null },
		list: {
			items: listed.slice((page - 1) * LIST_PAGE_SIZE, page * LIST_PAGE_SIZE),
			total: listed.length,
			page,
			pageSize: LIST_PAGE_SIZE
		}
	};
}

/** One window the client's people may see (own, or the shared infrastructure's); else 404. */
export async function maintenanceDetail(
	ctx: RequestContext,
	slug: string,
	id: string,
	locale: string,
	now = new Date()
) {
	if (!isUuid(id)) throw notFound();
	const { owner, windows } = await visibleWindows(ctx, slug, locale, now);
	const found = windows.find((w) => w.id === id);
	if (!found) throw notFound();
	return {
		timezone: owner.timezone,
		window: found,
		canDecide:
			!found.shared &&
			can(ctx, 'maintenance.approve') &&
			found.state === 'published' &&
			found.approval.state === 'pending'
	};
}
