import { sql } from 'drizzle-orm';
import { getDb } from '../db';
import { RAW_RETENTION_DAYS } from './samples-input';

export const ROLLUP_RETENTION_MONTHS = 13;
/** Live events only serve reconnect catch-up (24 h window); a few days is plenty. */
export const EVENT_RETENTION_DAYS = 3;

/**
 * Drops raw samples past their retention (the BRIN index on `at` finds them), rollups past
 * thirteen months and old live events. The timeline (`status_interval`) is kept: SLA history.
 */
export async function applyRetention(now = new Date()) {
	const db = getDb();
	const at = now.toISOString();
	const samples = await db.execute(
		sql`delete from sample where at < ${at}::timestamptz - make_interval(days => ${RAW_RETENTION_DAYS})`
	);
	const rollups = await db.execute(
		sql`delete from metric_rollup where bucket < ${at}::timestamptz - make_interval(months => ${ROLLUP_RETENTION_MONTHS})`
	);
	const events = await db.execute(
		sql`delete from event where at < ${at}::timestamptz - make_interval(days => ${EVENT_RETENTION_DAYS})`
	);
	return { samples: samples.count, rollups: rollups.count, events: events.count };
}
