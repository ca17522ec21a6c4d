import { and, eq, inArray } from 'drizzle-orm';
import { getDb, getSql } from '$lib/server/db';
import { event } from '$lib/server/db/schema';
import { EVENT_CHANNEL } from '$lib/server/live/outbox';
import { childLog } from '$lib/server/log';

/**
 * Calls `invalidate` when a public event commits: the same NOTIFY that drives the sockets, on this
 * node's own LISTEN. Only public events count (private ones, one per ingested batch, are far more
 * frequent and change nothing public). At every (re)LISTEN, including the first, it invalidates
 * too: events may have committed while nobody listened. At most one lookup runs at a time; the
 * ids notified meanwhile are looked up together after it.
 */
export async function invalidateOnPublicEvents(invalidate: () => void): Promise<void> {
	const log = childLog({ module: 'public-cache' });
	let waiting: number[] = [];
	let looking = false;

	const anyPublic = async (ids: number[]) =>
		(
			await getDb()
				.select({ id: event.id })
				.from(event)
				.where(and(inArray(event.id, ids), eq(event.isPublic, true)))
				.limit(1)
		).length > 0;

	const drain = async () => {
		looking = true;
		while (waiting.length > 0) {
			const ids = waiting;
			waiting = [];
			try {
				if (await anyPublic(ids)) invalidate();
			} catch (e) {
				// Not knowing whether it was public, assume so.
				log.error({ err: e }, 'public event lookup failed');
				invalidate();
			}
		}
		looking = false;
	};

	await getSql().listen(
		EVENT_CHANNEL,
		(payload) => {
			waiting.push(...payload.split(',').map(Number).filter(Number.isSafeInteger));
			if (!looking) void drain();
		},
		invalidate
	);
}

/** Calls `invalidate` when any event commits, and at every (re)LISTEN. */
export async function invalidateOnEveryEvent(invalidate: () => void): Promise<void> {
	await getSql().listen(EVENT_CHANNEL, invalidate, invalidate);
}
