import { sql } from 'drizzle-orm';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import { recentIncidentsOf } from '../incidents/read';
import { upcomingMaintenanceOf } from '../maintenance/view';
import { VersionedCache } from '../util/versioned-cache';
import { clientComponentsOf } from './read';
import { toStatusItem } from './view-rules';

const RECENT_INCIDENTS = 5;
/** Today's bar moves by the minute without any event: a few seconds of staleness at most. */
const HOME_TTL_MS = 5000;
const MAX_CLIENTS = 500;

async function computeHome(db: Executor, clientId: string, cursor: number, now: Date) {
	const [components, maintenance, incidents] = await Promise.all([
		clientComponentsOf(db, clientId, now),
		upcomingMaintenanceOf(db, clientId, now),
		recentIncidentsOf(db, clientId, RECENT_INCIDENTS)
	]);
	return {
		liveCursor: cursor,
		components: components.map((c) => toStatusItem(c.key, c)),
		maintenance,
		recentIncidents: incidents.map((i) => ({ ...i, reportedAt: i.reportedAt.toISOString() }))
	};
}

export type ClientHome = Awaited<ReturnType<typeof computeHome>>;

/**
 * What every viewer of a client's home sees alike, kept per client (the key is the id of a
 * client the tenant gate let this request reach; nothing here depends on who asks). It is
 * current while no event of that client that changes it was written since, so a write on any
 * node is seen at the next request: the check reads the newest event id, an index look-up.
 */
const homes = new VersionedCache<ClientHome>(HOME_TTL_MS, MAX_CLIENTS);

/**
 * The newest event of the client, and the cursor a member's page gets (their client's events
 * and the public ones). Read before the data: whatever commits meanwhile is replayed.
 */
async function versionOf(db: Executor, clientId: string) {
	const [row] = (await db.execute(sql`
		select coalesce((select max(id) from event where client_id = ${clientId}), 0)::bigint as client,
			coalesce((select max(id) from event where is_public), 0)::bigint as public`)) as unknown as {
		client: string;
		public: string;
	}[];
	const version = Number(row.client);
	return { version, cursor: Math.max(version, Number(row.public)) };
}

/**
 * A client's home: its components with their 90-day bars, upcoming maintenance and newest
 * reports, with the live cursor the data is current to (the page hands it to its socket).
 */
export async function getClientHome(
	ctx: RequestContext,
	slug: string,
	now?: Date
): Promise<ClientHome> {
	const db = getDb();
	const found = await getClientInScope(db, ctx, slug);
	const { version, cursor } = await versionOf(db, found.id);
	if (now) return computeHome(db, found.id, cursor, now);
	return homes.get(
		found.id,
		version,
		() => computeHome(db, found.id, cursor, new Date()),
		(since) => onlyMeasurementsSince(db, found.id, since, version)
	);
}

/**
 * Whether the client's events in (since, upTo] only brought measurements: a sample batch that
 * changed no state moves no bar nor badge (its points go to the charts, which fetch their own).
 */
async function onlyMeasurementsSince(db: Executor, clientId: string, since: number, upTo: number) {
	const rows = await db.execute(sql`
		select 1 from event
		where client_id = ${clientId} and id > ${since} and id <= ${upTo}
			and (kind <> 'monitor.batch' or payload -> 'changes' <> '[]'::jsonb)
		limit 1`);
	return rows.length === 0;
}
