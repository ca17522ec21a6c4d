import { and, asc, count, desc, eq, gte, ilike, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { getClientInScope, incidentInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { authorize, can } from '../policy';
import { getDb, type Executor } from '../db';
import {
	client,
	component,
	incident,
	incidentComponent,
	incidentUpdate,
	user,
	type Incident
} from '../db/schema';
import { contractRules } from './context';
import { listFiltersSchema, type IncidentFilters } from './input';
import { incidentGtr } from '../sla/gtr';
import { deadlineStates } from './view';

export const INCIDENTS_PAGE_SIZE = 20;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function summary(row: Incident, states: ReturnType<typeof deadlineStates>) {
	return {
		number: row.number,
		severity: row.severity,
		title: row.title,
		status: row.status,
		source: row.source,
		reportedAt: row.reportedAt.toISOString(),
		acknowledgeBy: row.acknowledgeBy.toISOString(),
		resolveBy: row.resolveBy.toISOString(),
		acknowledgedAt: iso(row.acknowledgedAt),
		resolvedAt: iso(row.resolvedAt),
		...states
	};
}
export type IncidentSummary = ReturnType<typeof summary>;

/** One report with its components and timeline; internal notes only for the provider's side. */
export async function getIncident(
	ctx: RequestContext,
	slug: string,
	number: string,
	now = new Date()
) {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const row = await incidentInScope(db, owner, number);
	const rules = await contractRules(db, owner.id);
	const components = await db
		.select({ key: component.key, name: component.name })
		.from(incidentComponent)
		.innerJoin(component, eq(component.id, incidentComponent.componentId))
		.where(eq(incidentComponent.incidentId, row.id))
		.orderBy(asc(component.name));
	const updates = await db
		.select({
			id: incidentUpdate.id,
			at: incidentUpdate.at,
			kind: incidentUpdate.kind,
			message: incidentUpdate.message,
			internal: incidentUpdate.internal,
			data: incidentUpdate.data,
			author: user.name
		})
		.from(incidentUpdate)
		.leftJoin(user, eq(user.id, incidentUpdate.authorUserId))
		.where(
			and(
				eq(incidentUpdate.incidentId, row.id),
				can(ctx, 'incident.internal.read') ? undefined : eq(incidentUpdate.internal, false)
			)
		)
		.orderBy(asc(incidentUpdate.at), asc(incidentUpdate.id));
	const [reporter] = row.reporterUserId
		? await db.select({ name: user.name }).from(user).where(eq(user.id, row.reporterUserId))
		: [];
	const reopenDays = rules.settings.incidents.reopenWithinDays;
	return {
		...summary(row, deadlineStates(row, rules, now)),
		clientSlug: owner.slug,
		clientName: owner.name,
		description: row.description,
		estimatedNature: row.estimatedNature,
		estimatedResolution: row.estimatedResolution,
		qualification: row.qualification,
		cause: row.cause,
		resolutionSummary: row.resolutionSummary,
		closedAt: iso(row.closedAt),
		reporter: reporter?.name ?? null,
		components,
		gtr: incidentGtr(row, rules.settings, rules.monthlyFeeCents, now),
		reopenUntil:
			row.status === 'resolved' && row.resolvedAt
				? new Date(row.resolvedAt.getTime() + reopenDays * 86_400_000).toISOString()
				: null,
		updates: updates.map((u) => ({ ...u, at: u.at.toISOString() }))
	};
}
export type IncidentDetail = Awaited<ReturnType<typeof getIncident>>;

function filterConditions(clientId: string | undefined, f: IncidentFilters): SQL[] {
	const where: SQL[] = [];
	if (clientId) where.push(eq(incident.clientId, clientId));
	else if (f.client)
		where.push(
			inArray(
				incident.clientId,
				getDb().select({ id: client.id }).from(client).where(eq(client.slug, f.client))
			)
		);
	if (f.status) where.push(eq(incident.status, f.status));
	if (f.severity) where.push(eq(incident.severity, f.severity));
	if (f.from) where.push(gte(incident.reportedAt, new Date(`${f.from}T00:00:00Z`)));
	if (f.to)
		where.push(
			lt(incident.reportedAt, new Date(new Date(`${f.to}T00:00:00Z`).getTime() + 86_400_000))
		);
	if (f.q) where.push(ilike(incident.number, `%${f.q.replace(/[%_\\]/g, '')}%`));
	if (f.component) {
		where.push(
			inArray(
				incident.id,
				getDb()
					.select({ id: incidentComponent.incidentId })
					.from(incidentComponent)
					.innerJoin(component, eq(component.id, incidentComponent.componentId))
					.where(
						and(
							eq(component.key, f.component),
							clientId ? eq(component.clientId, clientId) : undefined
						)
					)
			)
		);
	}
	return where;
}

/** A client's register (002 art. 4.2): newest first, filtered, 20 a page. */
export async function listIncidents(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
) {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const filters = listFiltersSchema.parse(input ?? {});
	const where = and(...filterConditions(owner.id, filters));
	const rules = await contractRules(db, owner.id);
	const rows = await db
		.select()
		.from(incident)
		.where(where)
		.orderBy(desc(incident.reportedAt))
		.limit(INCIDENTS_PAGE_SIZE)
		.offset((filters.page - 1) * INCIDENTS_PAGE_SIZE);
	const [{ total }] = await db.select({ total: count() }).from(incident).where(where);
	return {
		filters,
		total,
		page: filters.page,
		pageSize: INCIDENTS_PAGE_SIZE,
		items: rows.map((r) => summary(r, deadlineStates(r, rules, now)))
	};
}

/** A client's newest reports, in a few words (the client's home), for a client already reached through the tenant gate. */
export function recentIncidentsOf(db: Executor, clientId: string, limit: number) {
	return db
		.select({
			number: incident.number,
			title: incident.title,
			severity: incident.severity,
			status: incident.status,
			reportedAt: incident.reportedAt
		})
		.from(incident)
		.where(eq(incident.clientId, clientId))
		.orderBy(desc(incident.reportedAt))
		.limit(limit);
}

/** Every report for export, oldest first, with its components. */
export async function registerRows(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
) {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const filters = listFiltersSchema.parse(input ?? {});
	const rules = await contractRules(db, owner.id);
	const rows = await db
		.select()
		.from(incident)
		.where(and(...filterConditions(owner.id, filters)))
		.orderBy(asc(incident.reportedAt))
		.limit(50_000);
	const keys = rows.length
		? await db
				.select({ incidentId: incidentComponent.incidentId, key: component.key })
				.from(incidentComponent)
				.innerJoin(component, eq(component.id, incidentComponent.componentId))
				.where(
					inArray(
						incidentComponent.incidentId,
						rows.map((r) => r.id)
					)
				)
		: [];
	return rows.map((r) => ({
		...summary(r, deadlineStates(r, rules, now)),
		components: keys.filter((k) => k.incidentId === r.id).map((k) => k.key),
		cause: r.cause,
		qualification: r.qualification
	}));
}

/** The staff queue: every client's reports, the nearest pending deadline first. */
export async function listAllIncidents(ctx: RequestContext, input: unknown, now = new Date()) {
	authorize(ctx, 'incident.queue');
	const db = getDb();
	const filters = listFiltersSchema.parse(input ?? {});
	const where = and(...filterConditions(undefined, filters));
	const pending = sql`case when ${incident.status} = 'open' then ${incident.acknowledgeBy} when ${incident.status} = 'acknowledged' then ${incident.resolveBy} end`;
	const rows = await db
		.select({ incident, clientSlug: client.slug, clientName: client.name })
		.from(incident)
		.innerJoin(client, eq(client.id, incident.clientId))
		.where(where)
		.orderBy(sql`${pending} asc nulls last`, desc(incident.reportedAt))
		.limit(INCIDENTS_PAGE_SIZE)
		.offset((filters.page - 1) * INCIDENTS_PAGE_SIZE);
	const [{ total }] = await db.select({ total: count() }).from(incident).where(where);
	const rulesByClient = new Map<string, Awaited<ReturnType<typeof contractRules>>>();
	const items = [];
	for (const r of rows) {
		let rules = rulesByClient.get(r.incident.clientId);
		if (!rules)
			rulesByClient.set(
				r.incident.clientId,
				(rules = await contractRules(db, r.incident.clientId))
			);
		items.push({
			...summary(r.incident, deadlineStates(r.incident, rules, now)),
			clientSlug: r.clientSlug,
			clientName: r.clientName
		});
	}
	return { filters, total, page: filters.page, pageSize: INCIDENTS_PAGE_SIZE, items };
}
