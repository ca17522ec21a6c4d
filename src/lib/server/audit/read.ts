/**
 * The audit trail's readers, one per audience: a client's admins read that client's rows
 * (`audit.read.client`), staff read every trail (`audit.read.all`), destroyed clients included.
 * Read only: nothing in the code updates or deletes audit_log (a trigger refuses it anyway).
 */
import { and, asc, count, desc, eq, gte, isNotNull, lt, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestContext } from '../context';
import { getClientInScope } from '../clients/scope';
import { dateOfDay, dayOfDate, startOfDate } from '../calendar/zoned';
import { CONTRACT_TIME_ZONE } from '../contracts/schedule';
import { getDb, getSql } from '../db';
import { auditLog, type AuditRow } from '../db/schema';
import { authorize } from '../policy';
import { isoDateSchema } from '../validation';
import { auditActionInWords, auditChanges, type AuditChange } from './words';

export const AUDIT_PAGE_SIZE = 50;
/** A CSV holds at most this many rows (the newest); narrow the period for more. */
export const AUDIT_CSV_MAX_ROWS = 100_000;

export const auditFiltersSchema = z.object({
	person: z.uuid().optional().catch(undefined),
	kind: z
		.string()
		.regex(/^[a-z_]+\.[a-z_.]+$/)
		.max(60)
		.optional()
		.catch(undefined),
	client: z.uuid().optional().catch(undefined),
	from: isoDateSchema.optional().catch(undefined),
	to: isoDateSchema.optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export interface AuditEntryView {
	id: number;
	at: string;
	action: string;
	what: string;
	who: string | null;
	whoId: string | null;
	byToken: boolean;
	clientId: string | null;
	clientName: string | null;
	targetType: string;
	targetId: string | null;
	ip: string | null;
	userAgent: string | null;
	changes: AuditChange[];
}

export interface AuditPage {
	entries: AuditEntryView[];
	total: number;
	page: number;
	pageSize: number;
	filters: AuditFilters;
	people: { id: string; name: string }[];
	kinds: { action: string; what: string }[];
	clients: { id: string; name: string }[];
}

function view(row: AuditRow): AuditEntryView {
	return {
		id: row.id,
		at: row.at.toISOString(),
		action: row.action,
		what: auditActionInWords(row.action),
		who: row.actorName,
		whoId: row.actorUserId,
		byToken: row.actorTokenId !== null,
		clientId: row.clientId,
		clientName: row.clientName,
		targetType: row.targetType,
		targetId: row.targetId,
		ip: row.ip,
		userAgent: row.userAgent,
		changes: auditChanges(row.before, row.after)
	};
}

function conditions(scope: SQL | undefined, f: AuditFilters, timeZone: string): SQL[] {
	const where: SQL[] = [];
	if (scope) where.push(scope);
	if (f.person) where.push(eq(auditLog.actorUserId, f.person));
	if (f.kind) where.push(eq(auditLog.action, f.kind));
	if (f.from) where.push(gte(auditLog.at, startOfDate(f.from, timeZone)));
	if (f.to) where.push(lt(auditLog.at, startOfDate(dateOfDay(dayOfDate(f.to) + 1), timeZone)));
	return where;
}

async function page(scope: SQL | undefined, f: AuditFilters, timeZone: string, staff: boolean) {
	const db = getDb();
	const where = and(...conditions(scope, f, timeZone));
	const [rows, [{ total }], people, kinds, clients] = await Promise.all([
		db
			.select()
			.from(auditLog)
			.where(where)
			.orderBy(desc(auditLog.at), desc(auditLog.id))
			.limit(AUDIT_PAGE_SIZE)
			.offset((f.page - 1) * AUDIT_PAGE_SIZE),
		db.select({ total: count() }).from(auditLog).where(where),
		db
			.selectDistinctOn([auditLog.actorUserId], {
				id: auditLog.actorUserId,
				name: auditLog.actorName
			})
			.from(auditLog)
			.where(and(scope, isNotNull(auditLog.actorUserId)))
			.orderBy(auditLog.actorUserId, desc(auditLog.id)),
		db
			.selectDistinct({ action: auditLog.action })
			.from(auditLog)
			.where(scope)
			.orderBy(asc(auditLog.action)),
		staff
			? db
					.selectDistinctOn([auditLog.clientId], {
						id: auditLog.clientId,
						name: auditLog.clientName
					})
					.from(auditLog)
					.where(isNotNull(auditLog.clientId))
					.orderBy(auditLog.clientId, desc(auditLog.id))
			: Promise.resolve([])
	]);
	const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
	return {
		entries: rows.map(view),
		total,
		page: f.page,
		pageSize: AUDIT_PAGE_SIZE,
		filters: f,
		people: people.map((p) => ({ id: p.id!, name: p.name ?? p.id! })).sort(byName),
		kinds: kinds.map((k) => ({ action: k.action, what: auditActionInWords(k.action) })),
		clients: clients.map((c) => ({ id: c.id!, name: c.name ?? c.id! })).sort(byName)
	};
}

/** A client's own trail: every write on its data, by anyone (staff included). */
export async function readClientAudit(
	ctx: RequestContext,
	slug: string,
	input: unknown
): Promise<AuditPage> {
	const owner = await getClientInScope(getDb(), ctx, slug);
	authorize(ctx, 'audit.read.client', { clientId: owner.id });
	const filters = { ...auditFiltersSchema.parse(input ?? {}), client: undefined };
	return page(eq(auditLog.clientId, owner.id), filters, owner.timezone, false);
}

/** Every trail, the provider's own rows (no client) and destroyed clients' rows included. */
export async function readAllAudit(ctx: RequestContext, input: unknown): Promise<AuditPage> {
	authorize(ctx, 'audit.read.all');
	const filters = auditFiltersSchema.parse(input ?? {});
	const scope = filters.client ? eq(auditLog.clientId, filters.client) : undefined;
	return page(scope, filters, CONTRACT_TIME_ZONE, true);
}

/** Raw rows of postgres.js carry column names; the drizzle view wants its keys. */
function fromRaw(r: Record<string, unknown>): AuditRow {
	return {
		id: Number(r.id),
		at: new Date(r.at as string),
		actorUserId: r.actor_user_id as string | null,
		actorTokenId: r.actor_token_id as string | null,
		actorName: r.actor_name as string | null,
		clientId: r.client_id as string | null,
		clientName: r.client_name as string | null,
		action: r.action as string,
		targetType: r.target_type as string,
		targetId: r.target_id as string | null,
		before: r.before,
		after: r.after,
		ip: r.ip as string | null,
		userAgent: r.user_agent as string | null
	};
}

/** The rows of a CSV export, newest first, through a cursor: never the whole trail in memory. */
async function* csvRows(scope: SQL | undefined, f: AuditFilters, timeZone: string) {
	const query = getDb()
		.select()
		.from(auditLog)
		.where(and(...conditions(scope, f, timeZone)))
		.orderBy(desc(auditLog.at), desc(auditLog.id))
		.limit(AUDIT_CSV_MAX_ROWS)
		.toSQL();
	const rows = getSql().unsafe(query.sql, query.params as never[]);
	for await (const batch of rows.cursor(1000))
		for (const row of batch) yield view(fromRaw(row as Record<string, unknown>));
}

export async function clientAuditCsvRows(ctx: RequestContext, slug: string, input: unknown) {
	const owner = await getClientInScope(getDb(), ctx, slug);
	authorize(ctx, 'audit.read.client', { clientId: owner.id });
	const filters = { ...auditFiltersSchema.parse(input ?? {}), client: undefined };
	return csvRows(eq(auditLog.clientId, owner.id), filters, owner.timezone);
}

export async function allAuditCsvRows(ctx: RequestContext, input: unknown) {
	authorize(ctx, 'audit.read.all');
	const filters = auditFiltersSchema.parse(input ?? {});
	const scope = filters.client ? eq(auditLog.clientId, filters.client) : undefined;
	return csvRows(scope, filters, CONTRACT_TIME_ZONE);
}
