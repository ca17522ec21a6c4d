import { sql } from 'drizzle-orm';
import type postgres from 'postgres';
import { METRIC_NAMES } from '$lib/live/events';
import { m } from '$lib/paraglide/messages';
import { clientOf, getDb, rowsOf, type Transaction } from '../db';
import { pgArray } from '../db/pg-array';
import { appendEvents } from '../live/outbox';
import { batchEvents, type ComponentInfo, type PointRow } from './batch-events';
import { refreshStatusDays } from './days';
import { toDate } from './pg-time';
import {
	periodsOf,
	readSamples,
	readTimelines,
	rebuildTimelines,
	type TimelineState
} from './rebuild';
import { insertBatch, type BatchComponents, type InsertedRow } from './sample-insert';
import {
	invalidItems,
	type ItemIssue,
	type ParsedSample,
	type ResolvedSample,
	type SampleReading
} from './samples-input';
import { MISSED_INTERVALS_BEFORE_UNKNOWN, staleAfterMs } from './timeline';

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
	const ids = [...new Set(samples.map((s) => s.componentId))].sort();
	const positions = new Map(ids.map((id, i) => [id, i + 1]));
	const position = (s: ResolvedSample) => positions.get(s.componentId)!;
	const unique = firstPerInstant(samples, position);
	return getDb().transaction(async (tx) => {
		const [components, inserted] = await lockAndInsert(tx, { ids }, unique, position);
		const gone = ids.filter((id) => !components.has(id));
		if (gone.length > 0) throw new ComponentsGone(gone);
		return settleBatch(tx, components, unique, (s) => s.componentId, inserted, samples.length, now);
	});
}

/**
 * The same for samples an agent names by client slug and component key: a component is found
 * only under the client named, looked up and locked in the batch's transaction. An unknown one
 * refuses the batch with the items `issues` already holds (422, every index), and nothing stays.
 */
export async function storeNamedSamples(
	items: ParsedSample[],
	issues: ItemIssue[],
	now = new Date()
): Promise<StoreResult> {
	if (items.length === 0) throw invalidItems(issues);
	const names: { client: string; component: string }[] = [];
	const positions = new Map<string, Map<string, number>>();
	for (const { client, component } of items) {
		let keys = positions.get(client);
		if (!keys) positions.set(client, (keys = new Map()));
		if (!keys.has(component)) keys.set(component, names.push({ client, component }));
	}
	const position = (s: ParsedSample) => positions.get(s.client)!.get(s.component)!;
	const unique = firstPerInstant(items, position);
	return getDb().transaction(async (tx) => {
		const [components, inserted] = await lockAndInsert(
			tx,
			{ names },
			issues.length === 0 ? unique : [],
			position
		);
		const ids = new Map<string, Map<string, string>>();
		for (const c of components.values()) {
			let keys = ids.get(c.client_slug);
			if (!keys) ids.set(c.client_slug, (keys = new Map()));
			keys.set(c.key, c.id);
		}
		const idOf = (s: ParsedSample) => ids.get(s.client)?.get(s.component);
		for (const item of items)
			if (!idOf(item))
				issues.push({ index: item.index, fields: { component: m.samples_unknown_component() } });
		if (issues.length > 0) throw invalidItems(issues);
		return settleBatch(tx, components, unique, (s) => idOf(s)!, inserted, items.length, now);
	});
}

/**
 * Locks the batch's components and inserts its samples, the two statements sent together:
 * PostgreSQL runs the insert once the locks are held, on a snapshot taken then.
 */
async function lockAndInsert<T extends SampleReading>(
	tx: Transaction,
	components: BatchComponents,
	samples: T[],
	position: (sample: T) => number
) {
	const sql = clientOf(tx);
	return Promise.all([
		lockComponents(sql, components),
		samples.length > 0 ? insertBatch(sql, components, samples, position) : []
	]);
}

async function settleBatch<T extends SampleReading>(
	tx: Transaction,
	components: Map<string, ComponentInfo>,
	samples: T[],
	componentOf: (sample: T) => string,
	inserted: InsertedRow[],
	sent: number,
	now: Date
): Promise<StoreResult> {
	const accepted = inserted.reduce((n, r) => n + r.n, 0);
	if (accepted === 0) return { accepted, duplicates: sent };
	const states = timelineStates(samples, componentOf, inserted, components);
	await readSamples(
		clientOf(tx),
		states.filter((_, i) => inserted[i].later)
	);
	await settleTimelines(tx, components, states, points(inserted), now);
	return { accepted, duplicates: sent - accepted };
}

/** A batch naming one instant of a component twice stores the first: the key allows one. */
function firstPerInstant<T extends SampleReading>(samples: T[], position: (s: T) => number): T[] {
	const seen = new Map<number, Set<number>>();
	return samples.filter((s) => {
		const p = position(s);
		let instants = seen.get(p);
		if (!instants) seen.set(p, (instants = new Set()));
		const at = s.at.getTime();
		if (instants.has(at)) return false;
		instants.add(at);
		return true;
	});
}

/**
 * Each component's timeline as the insert found it. A batch that only appended (nothing stored
 * at or after its first new sample before it came) knows every sample from the start on: the one
 * before, and its own from that first new one on, all of which it stored (those before were
 * duplicates). The others' samples are read back (readSamples).
 */
function timelineStates<T extends SampleReading>(
	samples: T[],
	componentOf: (sample: T) => string,
	inserted: InsertedRow[],
	components: Map<string, ComponentInfo>
): TimelineState[] {
	const states = inserted.map((r) => ({
		componentId: r.component_id,
		startAt: toDate(r.start_at),
		samples: r.start_status && !r.later ? [{ at: toDate(r.start_at), status: r.start_status }] : [],
		staleMs: staleAfterMs(components.get(r.component_id)?.interval_seconds ?? 60),
		...periodsOf(r)
	}));
	const appended = new Map(
		states.flatMap((state, i) =>
			inserted[i].later
				? []
				: [[state.componentId, { from: toDate(inserted[i].min_at).getTime(), state }] as const]
		)
	);
	for (const s of samples) {
		const known = appended.get(componentOf(s));
		if (known && s.at.getTime() >= known.from)
			known.state.samples.push({ at: s.at, status: s.status });
	}
	for (const { state } of appended.values())
		state.samples.sort((a, b) => a.at.getTime() - b.at.getTime());
	return states;
}

const points = (inserted: InsertedRow[]): PointRow[] =>
	inserted.map((r) => {
		const point = { component_id: r.component_id, bucket: r.bucket } as PointRow;
		for (const name of METRIC_NAMES) point[name] = r[name];
		return point;
	});

/**
 * After new samples (or a silence): rebuilds the timelines, their day rows, and appends one
 * event per client, plus one for the public room when a public component changed state. The
 * last writes go together: the timeline's are sent first (rebuildTimelines starts them before
 * the day rows' statement even exists), and PostgreSQL runs a connection's statements in order.
 */
async function settleTimelines(
	tx: Transaction,
	components: Map<string, ComponentInfo>,
	states: TimelineState[],
	points: PointRow[],
	now: Date
) {
	const { rebuilt, written } = rebuildTimelines(clientOf(tx), states, now);
	await Promise.all([
		...written,
		refreshStatusDays(
			tx,
			rebuilt.map((r) => ({
				componentId: r.componentId,
				from: r.startAt,
				timezone: components.get(r.componentId)?.timezone ?? 'UTC'
			})),
			now
		),
		appendEvents(tx, batchEvents(components, rebuilt, points))
	]);
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
		const ids = silent.map((r) => r.component_id).sort();
		const components = await lockComponents(clientOf(tx), { ids });
		const states = await readTimelines(
			clientOf(tx),
			silent.flatMap((r) => {
				const c = components.get(r.component_id);
				return c
					? [
							{
								componentId: c.id,
								minAt: toDate(r.last_at),
								staleMs: staleAfterMs(c.interval_seconds)
							}
						]
					: [];
			})
		);
		await settleTimelines(tx, components, states, [], now);
	});
	return silent.length;
}

const COMPONENT_INFO = `
	select c.id, c.key, c.public, cl.id as client_id, cl.slug as client_slug, cl.timezone,
		coalesce(p.interval_seconds, c.expected_interval_seconds) as interval_seconds
	from component c join client cl on cl.id = c.client_id
	left join probe p on p.component_id = c.id`;

/**
 * Locks the components' rows, in id order so that batches sharing components queue instead of
 * deadlocking, and reads what the batch needs of them; those not found are missing from the map.
 * The lock is what keeps samples tied to their component without a per-row foreign key: a
 * component locked here cannot be deleted until the batch commits, and deleting one deletes
 * its samples (migration 0021).
 */
async function lockComponents(
	sql: postgres.TransactionSql,
	which: BatchComponents
): Promise<Map<string, ComponentInfo>> {
	const [where, params] =
		'ids' in which
			? ['c.id = any($1::uuid[])', [pgArray(which.ids)]]
			: [
					'(cl.slug, c.key) in (select * from unnest($1::text[], $2::text[]))',
					[pgArray(which.names.map((n) => n.client)), pgArray(which.names.map((n) => n.component))]
				];
	const found = (await sql.unsafe(
		`${COMPONENT_INFO} where ${where} order by c.id for no key update of c`,
		params,
		{ prepare: true }
	)) as unknown as ComponentInfo[];
	return new Map(found.map((c) => [c.id, c]));
}
