import { eq, inArray, sql } from 'drizzle-orm';
import { formatDateTime } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { systemContext } from '../context';
import { getDb } from '../db';
import { client, incident, incidentUpdate, type Incident } from '../db/schema';
import type { PeriodicJob } from '../jobs/registry';
import { appendEvents, type EventInput } from '../live/outbox';
import { nudgeMailQueue } from '../mail/mailer';
import { contractRules, type ContractRules } from './context';
import { insertIncident } from './filing';
import { deadlineStates } from './view';

/**
 * Deadline states move with time alone: every run recomputes those of unresolved reports
 * and pushes the ones that changed, live, to the client and to staff.
 */
export async function refreshDeadlineStates(now = new Date()): Promise<number> {
	const db = getDb();
	const rows = await db
		.select({ incident, slug: client.slug })
		.from(incident)
		.innerJoin(client, eq(client.id, incident.clientId))
		.where(inArray(incident.status, ['open', 'acknowledged', 'resolved']));
	const rulesByClient = new Map<string, ContractRules>();
	const events: EventInput[] = [];
	for (const { incident: row, slug } of rows) {
		let rules = rulesByClient.get(row.clientId);
		if (!rules) rulesByClient.set(row.clientId, (rules = await contractRules(db, row.clientId)));
		const states = deadlineStates(row, rules, now);
		if (
			states.acknowledgeState === row.acknowledgeState &&
			states.resolveState === row.resolveState
		)
			continue;
		await db
			.update(incident)
			.set({ acknowledgeState: states.acknowledgeState, resolveState: states.resolveState })
			.where(eq(incident.id, row.id));
		events.push({
			clientId: row.clientId,
			kind: 'incident.updated',
			payload: { clientSlug: slug, number: row.number, status: row.status, change: 'deadline' }
		});
	}
	if (events.length) await db.transaction((tx) => appendEvents(tx, events));
	return events.length;
}

interface Outage {
	component_id: string;
	key: string;
	name: string;
	client_id: string;
	since: string;
}

/**
 * A component down longer than the contract's limit opens a critical report by itself
 * (001 §4.1.1 level 1: an alert opens an incident and the client is told); the partial
 * unique index keeps it to one open report per outage.
 */
export async function openIncidentsForOutages(now = new Date()): Promise<number> {
	const db = getDb();
	const outages = (await db.execute(sql`
		select c.id as component_id, c.key, c.name, c.client_id, i.from_at as since
		from status_interval i
		join component c on c.id = i.component_id
		where i.to_at is null and i.status = 'down'
			and not exists (
				select 1 from incident x where x.monitoring_component_id = c.id and x.status in ('open', 'acknowledged'))`)) as unknown as Outage[];
	let opened = 0;
	for (const outage of outages) {
		const [owner] = await db.select().from(client).where(eq(client.id, outage.client_id));
		const rules = await contractRules(db, owner.id).catch(() => null);
		const since = new Date(outage.since);
		if (
			!rules ||
			now.getTime() - since.getTime() < rules.settings.incidents.autoOpenAfterDownMinutes * 60_000
		)
			continue;
		await db.transaction((tx) =>
			insertIncident(tx, systemContext, {
				owner,
				rules,
				data: {
					severity: 'critical',
					title: m.incident_monitoring_title({ name: outage.name }),
					description: m.incident_monitoring_description({
						name: outage.name,
						since: formatDateTime(since, 'fr')
					})
				},
				by: 'monitoring',
				reporterUserId: null,
				reportedAt: since,
				components: [{ id: outage.component_id, key: outage.key }],
				monitoringComponentId: outage.component_id
			})
		);
		opened++;
	}
	if (opened) nudgeMailQueue();
	return opened;
}

/** When the component of a monitoring report is back up, its timeline says so once; staff then resolve. */
export async function noteRecoveries(now = new Date()): Promise<number> {
	const db = getDb();
	const recovered = (await db.execute(sql`
		select x.id, x.client_id, x.number, x.status, cl.slug from incident x
		join client cl on cl.id = x.client_id
		join status_interval i on i.component_id = x.monitoring_component_id and i.to_at is null and i.status = 'up'
		where x.status in ('open', 'acknowledged')
			and not exists (select 1 from incident_update u where u.incident_id = x.id and u.data->>'monitoring' = 'recovered' and u.at >= i.from_at)`)) as unknown as (Pick<
		Incident,
		'id' | 'number' | 'status'
	> & { client_id: string; slug: string })[];
	for (const r of recovered) {
		await db.transaction(async (tx) => {
			await tx.insert(incidentUpdate).values({
				incidentId: r.id,
				at: now,
				kind: 'update',
				message: m.incident_monitoring_recovered(),
				data: { monitoring: 'recovered' }
			});
			await appendEvents(tx, [
				{
					clientId: r.client_id,
					kind: 'incident.updated',
					payload: { clientSlug: r.slug, number: r.number, status: r.status, change: 'update' }
				}
			]);
		});
	}
	return recovered.length;
}

export async function runIncidentJobs(now = new Date()) {
	await openIncidentsForOutages(now);
	await noteRecoveries(now);
	await refreshDeadlineStates(now);
}

/** Monitoring opens reports, notes recoveries and pushes deadline states every 15 s, on one node at a time. */
export function incidentJobs(): PeriodicJob[] {
	return [{ name: 'incident jobs', intervalMs: 15_000, lockKey: 3, run: () => runIncidentJobs() }];
}
