/**
 * Turns the client events of the live outbox (`event`) into webhook deliveries, so no domain
 * service has to know about webhooks. The fan-out tails the table from a stored cursor by the
 * same rule as socket catch-up (live/cursor.ts `missedSince`): ids are taken at insert but commit
 * in any order, so events of transactions still running at the cursor's insert are read again
 * until they show; the unique (webhook, event) key keeps each delivery once.
 */
import { eq, sql } from 'drizzle-orm';
import { getDb, rowsOf } from '../db';
import { event, webhookCursor } from '../db/schema';
import { missedSince } from '../live/cursor';

/** Events read per run; a backlog drains over the next runs. */
const BATCH = 1000;
const CURSOR_ID = 1;

/** One run: returns how many deliveries it queued. Runs on one node at a time (jobs lock). */
export async function fanOutEvents(): Promise<number> {
	const db = getDb();
	const [cursor] = await db
		.select({ last: webhookCursor.lastEventId })
		.from(webhookCursor)
		.where(eq(webhookCursor.id, CURSOR_ID));
	const last = cursor?.last ?? 0;
	const [{ active }] = rowsOf<{ active: boolean }>(
		await db.execute(sql`select exists (select 1 from webhook where active) as active`)
	);
	if (!active) {
		// Nobody listens: skip ahead rather than read the backlog once someone does.
		await db.execute(sql`
			insert into webhook_cursor (id, last_event_id, updated_at)
			select ${CURSOR_ID}, coalesce(max(id), 0), now() from event
			on conflict (id) do update set last_event_id = excluded.last_event_id, updated_at = now()
			where webhook_cursor.last_event_id < excluded.last_event_id`);
		return 0;
	}
	const ids = (
		await db
			.select({ id: event.id })
			.from(event)
			.where(await missedSince(last))
			.orderBy(event.id)
			.limit(BATCH)
	).map((r) => r.id);
	if (ids.length === 0) return 0;
	const idList = sql.join(
		ids.map((id) => sql`${id}::bigint`),
		sql`, `
	);
	const queued = await db.transaction(async (tx) => {
		const inserted = await tx.execute(sql`
			insert into webhook_delivery (webhook_id, event_id, event_kind, body, give_up_at, next_attempt_at, created_at)
			select w.id, e.id, e.kind,
				jsonb_build_object(
					'id', e.id::text,
					'type', e.kind,
					'occurredAt', to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
					'clientSlug', c.slug,
					'data', e.payload || coalesce(mw.details, '{}'::jsonb)),
				now() + interval '24 hours', now(), now()
			from event e
			join webhook w on w.client_id = e.client_id and w.active and e.at >= w.created_at
			join client c on c.id = e.client_id
			-- A maintenance event names its window only: the receiver gets the window too (it may
			-- hold no token to ask the API), as it stands when the delivery is queued.
			left join lateral (
				select jsonb_build_object('maintenance', jsonb_build_object(
					'id', mt.id, 'kind', mt.kind, 'state', mt.state, 'title', mt.title,
					'description', mt.description,
					'start', to_char(mt.start_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
					'end', to_char(mt.end_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
					'cancelReason', mt.cancel_reason,
					'components', (
						select coalesce(jsonb_agg(co.key order by co.key), '[]'::jsonb)
						from maintenance_component mc join component co on co.id = mc.component_id
						where mc.maintenance_id = mt.id))) as details
				from maintenance mt
				where e.kind like 'maintenance.%' and mt.client_id = e.client_id
					and mt.id::text = e.payload->>'id'
			) mw on true
			where e.id in (${idList})
				and exists (select 1 from unnest(w.events) p where e.kind like replace(p, '*', '%'))
			on conflict (webhook_id, event_id) where replay_of is null do nothing`);
		const newest = Math.max(last, ...ids);
		await tx
			.insert(webhookCursor)
			.values({ id: CURSOR_ID, lastEventId: newest })
			.onConflictDoUpdate({
				target: webhookCursor.id,
				set: { lastEventId: newest, updatedAt: new Date() }
			});
		return inserted.count;
	});
	return queued;
}
