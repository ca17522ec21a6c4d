import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import {
	METRIC_NAMES,
	type LiveEventPayloads,
	type MetricPoint,
	type StatusChange
} from '$lib/live/events';
import { clientOf, getDb, rowsOf, type Transaction } from '../db';
import { pgArray } from '../db/pg-array';
import { appendEvents, type EventInput } from '../live/outbox';
import { refreshStatusDays } from './days';
import { toDate } from './pg-time';
import { rebuildTimelines, type RebuiltComponent, type TouchedComponent } from './rebuild';
import { insertBatch, type InsertedRow } from './sample-insert';
import type { ResolvedSample } from './samples-input';
import { MISSED_INTERVALS_BEFORE_UNKNOWN, staleAfterMs, type TimelineSample } from './timeline';

interface ComponentInfo {
	id: string;
	key: string;
	public: boolean;
	client_id: string;
	client_slug: string;
	timezone: string;
	interval_seconds: number;
}

export interface StoreResult {
	accepted: number;
	duplicates: number;
}

/** Components that were deleted before the batch could lock them: nothing was stored. */
export class ComponentsGone extends Error {
	constructor(readonly ids: string[]) {
		super(`components gone: ${ids.join(', ')}`);
	}
}

/**
 * Stores a batch in one transaction: raw samples (idempotent on component + instant),
 * minute/hour/day rollups, the rebuilt timelines and their day rows, and one live event
 * per client with a single NOTIFY.
 */
export async function storeSamples(
	samples: ResolvedSample[],
	now = new Date()
): Promise<StoreResult> {
	if (samples.length === 0) return { accepted: 0, duplicates: 0 };
	const unique = firstPerInstant(samples);
	return getDb().transaction(async (tx) => {
		const client = clientOf(tx);
		const components = await lockComponents(
			client,
			[...new Set(unique.map((s) => s.componentId))].sort()
		);
		const inserted = await insertBatch(client, unique);
		const accepted = inserted.reduce((n, r) => n + r.n, 0);
		if (accepted === 0) return { accepted, duplicates: samples.length };

		await settleTimelines(
			tx,
			components,
			touchedBy(unique, inserted, components),
			points(inserted),
			now
		);
		return { accepted, duplicates: samples.length - accepted };
	});
}

/** A batch naming one instant of a component twice stores the first: the key allows one. */
function firstPerInstant(samples: ResolvedSample[]): ResolvedSample[] {
	const seen = new Map<string, Set<number>>();
	return samples.filter((s) => {
		let instants = seen.get(s.componentId);
		if (!instants) seen.set(s.componentId, (instants = new Set()));
		const at = s.at.getTime();
		if (instants.has(at)) return false;
		instants.add(at);
		return true;
	});
}

/**
 * What each component's rebuild starts from. A batch that only appended (nothing stored at or
 * after its first new sample before it came) knows every sample from there on: the one before,
 * and its own from that first new one on, all of which it stored (those before were duplicates).
 */
function touchedBy(
	samples: ResolvedSample[],
	inserted: InsertedRow[],
	components: Map<string, ComponentInfo>
): TouchedComponent[] {
	const appended = new Map<string, { from: number; samples: TimelineSample[] }>();
	for (const r of inserted) {
		if (r.later) continue;
		const start = r.start_at ? [{ at: toDate(r.start_at), status: r.start_status! }] : [];
		appended.set(r.component_id, { from: toDate(r.min_at).getTime(), samples: start });
	}
	for (const s of samples) {
		const known = appended.get(s.componentId);
		if (known && s.at.getTime() >= known.from) known.samples.push({ at: s.at, status: s.status });
	}
	return inserted.map((r) => {
		const known = appended.get(r.component_id)?.samples;
		known?.sort((a, b) => a.at.getTime() - b.at.getTime());
		return {
			componentId: r.component_id,
			minAt: toDate(r.min_at),
			staleMs: staleAfterMs(components.get(r.component_id)?.interval_seconds ?? 60),
			known: known && { startAt: known[0].at, samples: known }
		};
	});
}

type PointRow = { component_id: string; bucket: string } & Omit<MetricPoint, 'at'>;

/** The minute bucket holding each component's newest sample of the batch: the live chart's point. */
const points = (inserted: InsertedRow[]): PointRow[] =>
	inserted.map((r) => {
		const point = { component_id: r.component_id, bucket: r.bucket } as PointRow;
		for (const name of METRIC_NAMES) point[name] = r[name];
		return point;
	});

/**
 * After new samples (or a silence): rebuilds the timelines, their day rows, and appends one
 * event per client, plus one for the public room when a public component changed state.
 */
async function settleTimelines(
	tx: Transaction,
	components: Map<string, ComponentInfo>,
	touched: TouchedComponent[],
	points: PointRow[],
	now: Date
) {
	const rebuilt = await rebuildTimelines(clientOf(tx), touched, now);
	await refreshStatusDays(
		tx,
		rebuilt.map((r) => ({
			componentId: r.componentId,
			from: r.startAt,
			timezone: components.get(r.componentId)?.timezone ?? 'UTC'
		})),
		now
	);
	await appendEvents(tx, batchEvents(components, rebuilt, points));
}

/**
 * Components whose agent or probe fell silent for three expected intervals turn `unknown`
 * even though no sample arrives to say so: the scheduler calls this every few seconds.
 */
export async function sweepSilentComponents(now = new Date()): Promise<number> {
	const silent = rowsOf<{ component_id: string; last_at: string }>(
		await getDb().execute(sql`
			select i.component_id, (select max(s.at) from sample s where s.component_id = i.component_id) as last_at
			from status_interval i
			join component c on c.id = i.component_id
			left join probe p on p.component_id = c.id
			where i.to_at is null and i.status <> 'unknown'
				and not exists (
					select 1 from sample s where s.component_id = i.component_id
						and s.at >= ${now.toISOString()}::timestamptz
							- make_interval(secs => ${MISSED_INTERVALS_BEFORE_UNKNOWN} * coalesce(p.interval_seconds, c.expected_interval_seconds)))`)
	).filter((r) => r.last_at !== null);
	if (silent.length === 0) return 0;
	await getDb().transaction(async (tx) => {
		const components = await lockComponents(
			clientOf(tx),
			silent.map((r) => r.component_id).sort(),
			{ allowGone: true }
		);
		await settleTimelines(
			tx,
			components,
			silent
				.filter((r) => components.has(r.component_id))
				.map((r) => ({
					componentId: r.component_id,
					minAt: toDate(r.last_at),
					staleMs: staleAfterMs(components.get(r.component_id)!.interval_seconds)
				})),
			[],
			now
		);
	});
	return silent.length;
}

/**
 * Locks the components' rows, in id order so that batches sharing components queue instead of
 * deadlocking, and reads what the batch needs of them. The lock is what keeps samples tied to
 * their component without a per-row foreign key: a component locked here cannot be deleted until
 * the batch commits, and deleting one deletes its samples (migration 0021).
 */
async function lockComponents(
	sql: postgres.TransactionSql,
	sortedIds: string[],
	{ allowGone = false } = {}
): Promise<Map<string, ComponentInfo>> {
	const found = (await sql`
		select c.id, c.key, c.public, cl.id as client_id, cl.slug as client_slug, cl.timezone,
			coalesce(p.interval_seconds, c.expected_interval_seconds) as interval_seconds
		from component c join client cl on cl.id = c.client_id
		left join probe p on p.component_id = c.id
		where c.id = any(${pgArray(sortedIds)}::uuid[])
		order by c.id
		for no key update of c`) as unknown as ComponentInfo[];
	const components = new Map(found.map((c) => [c.id, c]));
	const gone = sortedIds.filter((id) => !components.has(id));
	if (gone.length > 0 && !allowGone) throw new ComponentsGone(gone);
	return components;
}

function batchEvents(
	components: Map<string, ComponentInfo>,
	rebuilt: RebuiltComponent[],
	points: PointRow[]
): EventInput[] {
	const byClient = new Map<
		string,
		{ slug: string; changes: StatusChange[]; points: ({ key: string } & MetricPoint)[] }
	>();
	const forClient = (c: ComponentInfo) => {
		let entry = byClient.get(c.client_id);
		if (!entry)
			byClient.set(c.client_id, (entry = { slug: c.client_slug, changes: [], points: [] }));
		return entry;
	};
	const publicChanges: LiveEventPayloads['public.status']['changes'] = [];
	for (const r of rebuilt) {
		const c = components.get(r.componentId);
		const after = r.after;
		if (!c || !after || r.before?.status === after.status) continue;
		const change = { key: c.key, status: after.status, since: after.since.toISOString() };
		forClient(c).changes.push(change);
		if (c.public) publicChanges.push({ id: c.id, status: change.status, since: change.since });
	}
	for (const { component_id, bucket, ...metrics } of points) {
		const c = components.get(component_id);
		if (c) forClient(c).points.push({ key: c.key, at: toDate(bucket).toISOString(), ...metrics });
	}
	const events: EventInput[] = [...byClient]
		.filter(([, e]) => e.changes.length + e.points.length > 0)
		.map(([clientId, e]) => ({
			clientId,
			kind: 'monitor.batch',
			payload: { clientSlug: e.slug, changes: e.changes, points: e.points }
		}));
	if (publicChanges.length > 0)
		events.push({
			clientId: null,
			kind: 'public.status',
			isPublic: true,
			payload: { changes: publicChanges }
		});
	return events;
}
