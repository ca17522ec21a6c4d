import { and, asc, eq, isNull, lte, or } from 'drizzle-orm';
import { getDb } from '../db';
import { client, maintenance } from '../db/schema';
import type { PeriodicJob } from '../jobs/registry';
import { appendEvent } from '../live/outbox';
import { nudgeMailQueue } from '../mail/mailer';
import { announcePublicNotice } from '../status/public-notices';
import { dueBoundaries, REMINDER_LEAD_MS, type BoundaryStep } from './boundaries';
import { mailMaintenance } from './notify';

const MARKER = {
	reminder: 'remindedAt',
	started: 'startedNotifiedAt',
	ended: 'endedNotifiedAt'
} as const satisfies Record<BoundaryStep, keyof typeof maintenance.$inferSelect>;

/**
 * Mails the reminders, starts and ends now due and pushes `maintenance.started` / `.ended` live
 * (the client's room; /status through `public.notices` for public windows, since public events
 * name no client). Each window is handled in a transaction of its own, under a row lock, its
 * markers set with its mails: a run after a crash, or on another node, finds nothing to redo.
 */
export async function runMaintenanceBoundaries(now = new Date()): Promise<number> {
	const db = getDb();
	const candidates = await db
		.select({ id: maintenance.id })
		.from(maintenance)
		.where(
			and(
				eq(maintenance.state, 'published'),
				isNull(maintenance.endedNotifiedAt),
				lte(maintenance.startAt, new Date(now.getTime() + REMINDER_LEAD_MS)),
				or(
					isNull(maintenance.remindedAt),
					isNull(maintenance.startedNotifiedAt),
					lte(maintenance.endAt, now)
				)
			)
		)
		.orderBy(asc(maintenance.startAt));
	let sent = 0;
	for (const { id } of candidates) {
		sent += await db.transaction(async (tx) => {
			const [row] = await tx
				.select({ w: maintenance, slug: client.slug })
				.from(maintenance)
				.innerJoin(client, eq(client.id, maintenance.clientId))
				.where(and(eq(maintenance.id, id), eq(maintenance.state, 'published')))
				.for('update', { of: maintenance, skipLocked: true });
			if (!row || row.w.announcedAt === null) return 0;
			const due = dueBoundaries(
				{ ...row.w, start: row.w.startAt, end: row.w.endAt, announcedAt: row.w.announcedAt },
				now
			);
			if (due.length === 0) return 0;
			await tx
				.update(maintenance)
				.set(Object.fromEntries(due.map((d) => [MARKER[d.step], now])))
				.where(eq(maintenance.id, id));
			let mails = 0;
			for (const d of due.filter((x) => x.send)) {
				mails += await mailMaintenance(tx, row.w, d.step);
				if (d.step === 'reminder') continue;
				await appendEvent(tx, {
					clientId: row.w.clientId,
					kind: `maintenance.${d.step}`,
					payload: { clientSlug: row.slug, id }
				});
				await announcePublicNotice(tx, { maintenanceId: id });
			}
			return mails;
		});
	}
	if (sent) nudgeMailQueue();
	return sent;
}

export function maintenanceJobs(): PeriodicJob[] {
	return [
		{
			name: 'maintenance boundaries',
			intervalMs: 15_000,
			lockKey: 4,
			run: () => runMaintenanceBoundaries()
		}
	];
}
