import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { getDb } from '../db';
import { client, restoreRequest } from '../db/schema';
import type { PeriodicJob } from '../jobs/registry';
import { appendEvents, type EventInput } from '../live/outbox';
import { rulesCache } from './read';
import { restoreDeadlineState } from './rules';

/**
 * Deadline states move with time alone: every run recomputes those of the requests still under
 * way and pushes the ones that changed (on track → at risk → breached) live, as incidents do.
 */
export async function refreshRestoreDeadlines(now = new Date()): Promise<number> {
	const db = getDb();
	const rows = await db
		.select({ request: restoreRequest, slug: client.slug })
		.from(restoreRequest)
		.innerJoin(client, eq(client.id, restoreRequest.clientId))
		.where(
			and(
				isNotNull(restoreRequest.dueBy),
				inArray(restoreRequest.status, [
					'filed',
					'quote_approved',
					'accepted',
					'scheduled',
					'in_progress'
				])
			)
		);
	const rulesOf = rulesCache(db);
	const events: EventInput[] = [];
	for (const { request: row, slug } of rows) {
		const state = restoreDeadlineState({
			policy: (await rulesOf(row.clientId)).policy,
			status: row.status,
			clockStart: row.clockStartedAt,
			dueBy: row.dueBy,
			completedAt: row.completedAt,
			now
		});
		if (state === row.deadlineState) continue;
		await db
			.update(restoreRequest)
			.set({ deadlineState: state })
			.where(eq(restoreRequest.id, row.id));
		events.push({
			clientId: row.clientId,
			kind: 'restore.updated',
			payload: { clientSlug: slug, number: row.number, status: row.status }
		});
	}
	if (events.length) await db.transaction((tx) => appendEvents(tx, events));
	return events.length;
}

/** Restore deadlines every 15 s, on one node at a time. */
export function restoreJobs(): PeriodicJob[] {
	return [
		{
			name: 'restore deadlines',
			intervalMs: 15_000,
			lockKey: 1205,
			run: () => refreshRestoreDeadlines()
		}
	];
}
