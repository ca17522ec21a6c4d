/**
 * The staff side of maintenance across clients: every window with its state, compliance and
 * approval (issue 11: "staff see approvals pending and refused at a glance"), one window found
 * by its id alone, and the clients and components a new window may target.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { contractOf } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import { client, component, maintenance, type Client } from '../db/schema';
import { m } from '$lib/paraglide/messages';
import { invalid, notFound } from '../errors';
import { authorize } from '../policy';
import { isPublicNotice } from '../status/public-notices-rules';
import { isUuid, slugSchema } from '../validation';
import { editRefusal } from './lifecycle';
import { instantOfLocal, localDateTimeSchema } from './local-time';
import { slaEffect, type SlaEffect } from './sla-effect';
import {
	maintenanceItems,
	windowRecord,
	type MaintenanceItem,
	type MaintenanceRow
} from './records';

export const STAFF_FILTERS = ['all', 'pending', 'refused', 'drafts', 'non_compliant'] as const;
export type StaffFilter = (typeof STAFF_FILTERS)[number];
export const PERIODS = ['upcoming', 'past'] as const;
export const STAFF_PAGE_SIZE = 25;

const querySchema = z.object({
	filter: z.enum(STAFF_FILTERS).catch('all'),
	period: z.enum(PERIODS).catch('upcoming'),
	client: slugSchema.optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1)
});

export interface StaffItem extends MaintenanceItem {
	client: { slug: string; name: string; timezone: string };
	titleEn: string | null;
	descriptionEn: string | null;
	sla: SlaEffect;
}

/** Items of rows of any clients, each measured against its own client's contract. */
export async function itemsAcrossClients(
	db: Executor,
	rows: { row: MaintenanceRow; owner: Client }[],
	now: Date
): Promise<StaffItem[]> {
	const byClient = new Map<string, { owner: Client; rows: MaintenanceRow[] }>();
	for (const { row, owner } of rows) {
		const group = byClient.get(owner.id) ?? { owner, rows: [] };
		group.rows.push(row);
		byClient.set(owner.id, group);
	}
	const items = new Map<string, StaffItem>();
	for (const { owner, rows: own } of byClient.values()) {
		const { settings } = await contractOf(db, owner.id);
		if (!settings) continue;
		const done = await maintenanceItems(db, own, settings, owner.timezone, now);
		done.forEach((item, i) =>
			items.set(item.id, {
				...item,
				client: { slug: owner.slug, name: owner.name, timezone: owner.timezone },
				titleEn: own[i].titleEn,
				descriptionEn: own[i].descriptionEn,
				sla: slaEffect(
					item,
					item.approval.state,
					item.state === 'published' || item.state === 'draft'
				)
			})
		);
	}
	return rows.flatMap(({ row }) => items.get(row.id) ?? []);
}

const isOver = (i: MaintenanceItem) => i.state === 'completed' || i.state === 'cancelled';

/** Counts that stay visible whatever the filter: what asks for staff attention. */
function attention(items: StaffItem[]) {
	const open = items.filter((i) => !isOver(i));
	return {
		pending: open.filter((i) => i.approval.state === 'pending').length,
		refused: open.filter((i) => i.approval.state === 'refused').length,
		drafts: open.filter((i) => i.state === 'draft').length,
		nonCompliant: open.filter((i) => i.state !== 'draft' && !i.compliant).length
	};
}

function matches(i: StaffItem, filter: StaffFilter): boolean {
	switch (filter) {
		case 'all':
			return true;
		case 'pending':
		case 'refused':
			return i.approval.state === filter;
		case 'drafts':
			return i.state === 'draft';
		case 'non_compliant':
			return i.state !== 'draft' && !i.compliant;
	}
}

/** Every client's windows: upcoming (soonest first) or past (latest first), filtered and paged. */
export async function listStaffMaintenance(ctx: RequestContext, query: unknown, now = new Date()) {
	authorize(ctx, 'console.open');
	authorize(ctx, 'maintenance.publish');
	const q = querySchema.parse(query);
	const db = getDb();
	const rows = await db
		.select({ row: maintenance, owner: client })
		.from(maintenance)
		.innerJoin(client, eq(client.id, maintenance.clientId))
		.where(q.client ? eq(client.slug, q.client) : undefined)
		.orderBy(asc(maintenance.startAt), asc(maintenance.id))
		.limit(5000);
	const all = await itemsAcrossClients(db, rows, now);
	const inPeriod = all.filter((i) => (q.period === 'past') === isOver(i));
	if (q.period === 'past') inPeriod.reverse();
	const filtered = inPeriod.filter((i) => matches(i, q.filter));
	const pages = Math.max(1, Math.ceil(filtered.length / STAFF_PAGE_SIZE));
	const page = Math.min(q.page, pages);
	return {
		filters: { filter: q.filter, period: q.period, client: q.client ?? null },
		counts: attention(all),
		items: filtered.slice((page - 1) * STAFF_PAGE_SIZE, page * STAFF_PAGE_SIZE),
		total: filtered.length,
		page,
		pageSize: STAFF_PAGE_SIZE
	};
}

/** One window by id for the console, whoever's it is, with its client's components to edit. */
export async function getStaffWindow(ctx: RequestContext, id: string, now = new Date()) {
	authorize(ctx, 'console.open');
	authorize(ctx, 'maintenance.publish');
	if (!isUuid(id)) throw notFound();
	const db = getDb();
	const [found] = await db
		.select({ row: maintenance, owner: client })
		.from(maintenance)
		.innerJoin(client, eq(client.id, maintenance.clientId))
		.where(eq(maintenance.id, id));
	if (!found) throw notFound();
	const [item] = await itemsAcrossClients(db, [found], now);
	if (!item) throw notFound();
	const components = await db
		.select({ key: component.key, name: component.name, public: component.public })
		.from(component)
		.where(eq(component.clientId, found.owner.id))
		.orderBy(asc(component.name));
	return {
		item,
		components,
		editable: editRefusal(windowRecord(found.row), now) === null
	};
}

/** The clients a window may be announced to, with their components; shared infrastructure apart. */
export async function maintenanceTargets(ctx: RequestContext) {
	authorize(ctx, 'console.open');
	authorize(ctx, 'maintenance.publish');
	const db = getDb();
	const clients = await db
		.select({ id: client.id, slug: client.slug, name: client.name, timezone: client.timezone })
		.from(client)
		.orderBy(asc(client.name))
		.limit(1000);
	const components = clients.length
		? await db
				.select({
					clientId: component.clientId,
					key: component.key,
					name: component.name,
					public: component.public
				})
				.from(component)
				.where(
					inArray(
						component.clientId,
						clients.map((c) => c.id)
					)
				)
				.orderBy(asc(component.name))
		: [];
	return clients.map((c) => {
		const own = components
			.filter((k) => k.clientId === c.id)
			.map((k) => ({ key: k.key, name: k.name, public: k.public }));
		return {
			slug: c.slug,
			name: c.name,
			timezone: c.timezone,
			components: own,
			/** A client whose every component is public is the provider's shared infrastructure. */
			shared: isPublicNotice(own.map((k) => k.public))
		};
	});
}

/** The reschedule form's wall-clock times, read in the window's client's zone, as a PATCH body. */
export function rescheduleFromForm(data: FormData, timeZone: string) {
	const field = (name: 'start' | 'end') => {
		const value = String(data.get(name) ?? '');
		const parsed = localDateTimeSchema.safeParse(value);
		if (!parsed.success)
			throw invalid(m.form_has_errors(), { [name]: m.mstaff_invalid_local_time() });
		return instantOfLocal(parsed.data, timeZone).toISOString();
	};
	return { start: field('start'), end: field('end') };
}
