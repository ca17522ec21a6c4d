import { and, asc, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import {
	client,
	component,
	restoreRequest,
	restoreTest,
	restoreUpdate,
	user,
	type RestoreRequest
} from '../db/schema';
import { notFound } from '../errors';
import { authorize } from '../policy';
import { restoreInScope, restoreRules, type RestoreRules } from './context';
import { restoreFiltersSchema, type RestoreFilters } from './input';
import { restoreDeadlineState } from './rules';

export const RESTORES_PAGE_SIZE = 20;

const iso = (d: Date | null) => d?.toISOString() ?? null;

type Row = RestoreRequest & { componentKey: string | null; componentName: string | null };

const withComponent = {
	request: restoreRequest,
	componentKey: component.key,
	componentName: component.name
};
const flat = (r: {
	request: RestoreRequest;
	componentKey: string | null;
	componentName: string | null;
}): Row => ({
	...r.request,
	componentKey: r.componentKey,
	componentName: r.componentName
});

function summary(row: Row, rules: RestoreRules, now: Date) {
	return {
		number: row.number,
		status: row.status,
		scope: row.scope,
		target: row.target,
		componentKey: row.componentKey,
		componentName: row.componentName,
		pointKind: row.pointKind,
		pointAt: row.pointAt.toISOString(),
		requestedAt: row.requestedAt.toISOString(),
		dueBy: iso(row.dueBy),
		deadlineState: restoreDeadlineState({
			policy: rules.policy,
			status: row.status,
			clockStart: row.clockStartedAt,
			dueBy: row.dueBy,
			completedAt: row.completedAt,
			now
		}),
		stopsServer: row.stopsServer,
		billable: row.billable,
		needsQuote: row.needsQuote,
		quoteAmountCents: row.quoteAmountCents,
		scheduledAt: iso(row.scheduledAt),
		percent: row.percent,
		completedAt: iso(row.completedAt),
		endedAt: iso(row.endedAt)
	};
}
export type RestoreSummary = ReturnType<typeof summary>;

/** One request with its timeline. */
export async function getRestore(
	ctx: RequestContext,
	slug: string,
	number: string,
	now = new Date()
) {
	authorize(ctx, 'restore.read');
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const found = await restoreInScope(db, owner, number);
	const rules = await restoreRules(db, owner.id);
	const [row] = await db
		.select(withComponent)
		.from(restoreRequest)
		.leftJoin(component, eq(component.id, restoreRequest.componentId))
		.where(eq(restoreRequest.id, found.id));
	const updates = await db
		.select({
			id: restoreUpdate.id,
			at: restoreUpdate.at,
			kind: restoreUpdate.kind,
			message: restoreUpdate.message,
			data: restoreUpdate.data,
			author: user.name
		})
		.from(restoreUpdate)
		.leftJoin(user, eq(user.id, restoreUpdate.authorUserId))
		.where(eq(restoreUpdate.restoreId, found.id))
		.orderBy(asc(restoreUpdate.at), asc(restoreUpdate.id));
	const [requester] = found.requestedByUserId
		? await db.select({ name: user.name }).from(user).where(eq(user.id, found.requestedByUserId))
		: [];
	return {
		...summary(flat(row), rules, now),
		clientSlug: owner.slug,
		clientName: owner.name,
		backupId: found.backupId,
		note: found.note,
		requestedBy: requester?.name ?? null,
		deadlineBasis: found.deadlineBasis,
		withinHours: found.withinHours,
		clockStartedAt: iso(found.clockStartedAt),
		quoteNote: found.quoteNote,
		quotedAt: iso(found.quotedAt),
		quoteDecidedAt: iso(found.quoteDecidedAt),
		acceptedAt: iso(found.acceptedAt),
		verification: found.verification,
		failureReason: found.failureReason,
		updates: updates.map((u) => ({ ...u, at: u.at.toISOString() }))
	};
}
export type RestoreDetail = Awaited<ReturnType<typeof getRestore>>;

function conditions(f: RestoreFilters): SQL[] {
	const where: SQL[] = [];
	if (f.status) where.push(eq(restoreRequest.status, f.status));
	if (f.component) where.push(eq(component.key, f.component));
	if (f.from) where.push(gte(restoreRequest.requestedAt, new Date(`${f.from}T00:00:00Z`)));
	if (f.to)
		where.push(
			lt(restoreRequest.requestedAt, new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000))
		);
	return where;
}

/** A client's register of restore requests, newest first, 20 a page. */
export async function listRestores(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'restore.read');
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const filters = restoreFiltersSchema.parse(input ?? {});
	const where = and(eq(restoreRequest.clientId, owner.id), ...conditions(filters));
	const rules = await restoreRules(db, owner.id);
	const rows = await db
		.select(withComponent)
		.from(restoreRequest)
		.leftJoin(component, eq(component.id, restoreRequest.componentId))
		.where(where)
		.orderBy(desc(restoreRequest.requestedAt), desc(restoreRequest.sequence))
		.limit(RESTORES_PAGE_SIZE)
		.offset((filters.page - 1) * RESTORES_PAGE_SIZE);
	const [{ total }] = await db
		.select({ total: count() })
		.from(restoreRequest)
		.leftJoin(component, eq(component.id, restoreRequest.componentId))
		.where(where);
	return {
		filters,
		total,
		page: filters.page,
		pageSize: RESTORES_PAGE_SIZE,
		items: rows.map((r) => summary(flat(r), rules, now))
	};
}

/** Every request for the CSV export, oldest first, with the register's filters. */
export async function restoreRegisterRows(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'restore.read');
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const filters = restoreFiltersSchema.parse(input ?? {});
	const rules = await restoreRules(db, owner.id);
	const rows = await db
		.select(withComponent)
		.from(restoreRequest)
		.leftJoin(component, eq(component.id, restoreRequest.componentId))
		.where(and(eq(restoreRequest.clientId, owner.id), ...conditions(filters)))
		.orderBy(asc(restoreRequest.requestedAt), asc(restoreRequest.sequence))
		.limit(50_000);
	return rows.map((r) => ({
		...summary(flat(r), rules, now),
		verification: r.request.verification,
		failureReason: r.request.failureReason
	}));
}

/** The staff queue: open requests of every client, the nearest deadline first, then the oldest. */
export async function listRestoreQueue(ctx: RequestContext, input: unknown, now = new Date()) {
	authorize(ctx, 'restore.queue');
	const db = getDb();
	const filters = restoreFiltersSchema.parse(input ?? {});
	const open = filters.status
		? eq(restoreRequest.status, filters.status)
		: inArray(restoreRequest.status, [
				'filed',
				'quoted',
				'quote_approved',
				'accepted',
				'scheduled',
				'in_progress'
			]);
	const rows = await db
		.select({ ...withComponent, clientSlug: client.slug, clientName: client.name })
		.from(restoreRequest)
		.innerJoin(client, eq(client.id, restoreRequest.clientId))
		.leftJoin(component, eq(component.id, restoreRequest.componentId))
		.where(open)
		.orderBy(sql`${restoreRequest.dueBy} asc nulls last`, asc(restoreRequest.requestedAt))
		.limit(RESTORES_PAGE_SIZE)
		.offset((filters.page - 1) * RESTORES_PAGE_SIZE);
	const [{ total }] = await db.select({ total: count() }).from(restoreRequest).where(open);
	const rulesOf = rulesCache(db);
	const items = [];
	for (const r of rows)
		items.push({
			...summary(flat(r), await rulesOf(r.request.clientId), now),
			clientSlug: r.clientSlug,
			clientName: r.clientName
		});
	return { filters, total, page: filters.page, pageSize: RESTORES_PAGE_SIZE, items };
}

export function rulesCache(db: Executor) {
	const known = new Map<string, Promise<RestoreRules>>();
	return (clientId: string) => {
		let found = known.get(clientId);
		if (!found) known.set(clientId, (found = restoreRules(db, clientId)));
		return found;
	};
}

/** The provider's last restore test of the client (000 §1.8 "tests … de manière régulière"). */
export async function lastRestoreTest(ctx: RequestContext, slug: string) {
	authorize(ctx, 'restore.read');
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const [row] = await db
		.select({
			testedAt: restoreTest.testedAt,
			result: restoreTest.result,
			note: restoreTest.note,
			componentName: component.name
		})
		.from(restoreTest)
		.leftJoin(component, eq(component.id, restoreTest.componentId))
		.where(eq(restoreTest.clientId, owner.id))
		.orderBy(desc(restoreTest.testedAt))
		.limit(1);
	return row ? { ...row, testedAt: row.testedAt.toISOString() } : null;
}

/** The staff console names a request by its number alone (unique across clients): whose is it? */
export async function locateRestore(ctx: RequestContext, number: string): Promise<string> {
	authorize(ctx, 'restore.queue');
	const [row] = await getDb()
		.select({ slug: client.slug })
		.from(restoreRequest)
		.innerJoin(client, eq(client.id, restoreRequest.clientId))
		.where(eq(restoreRequest.number, number.toUpperCase()));
	if (!row) throw notFound();
	return row.slug;
}
