/**
 * The backup watch (003 art. 2 « la surveillance du bon déroulement de ses sauvegardes »): every
 * minute, the expected slots of the last 35 days of every machine that has sent a backup are
 * brought up to date in `backup_expectation`; a slot newly `missing` is pushed live
 * (`backup.missing`) and mailed once to the client's contacts and admins and to staff, before the
 * client would have noticed (002 art. 7.2).
 */
import { and, eq, gte, inArray, isNotNull, min, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { contractOf } from '../clients/scope';
import { getDb } from '../db';
import { backup, backupExpectation, client, component, membership, user } from '../db/schema';
import { portalOrigin } from '../incidents/context';
import type { PeriodicJob } from '../jobs/registry';
import { appendEvent } from '../live/outbox';
import { nudgeMailQueue, queueMail } from '../mail/mailer';
import { expectedSlots, scheduleKey, slotState } from './expected';

const LOOKBACK_MS = 35 * 86_400_000;

export async function evaluateBackupExpectations(now = new Date()): Promise<number> {
	const db = getDb();
	const machines = await db
		.select({
			componentId: backup.componentId,
			first: min(backup.startedAt).as('first')
		})
		.from(backup)
		.groupBy(backup.componentId);
	let missing = 0;
	for (const machine of machines) {
		const [row] = await db
			.select({ c: component, owner: client })
			.from(component)
			.innerJoin(client, eq(client.id, component.clientId))
			.where(eq(component.id, machine.componentId));
		if (!row || !machine.first) continue;
		const { settings } = await contractOf(db, row.owner.id);
		if (!settings) continue;
		const commissioned = row.owner.commissionedAt?.getTime() ?? 0;
		const seriesStart = new Date(
			Math.max(commissioned, new Date(machine.first).getTime(), now.getTime() - LOOKBACK_MS)
		);
		const backups = await db
			.select()
			.from(backup)
			.where(
				and(
					eq(backup.componentId, row.c.id),
					gte(backup.startedAt, new Date(seriesStart.getTime() - 40 * 86_400_000))
				)
			);
		const known = new Map(
			(
				await db
					.select({
						key: backupExpectation.scheduleKey,
						dueAt: backupExpectation.dueAt,
						state: backupExpectation.state,
						backupId: backupExpectation.backupId
					})
					.from(backupExpectation)
					.where(
						and(
							eq(backupExpectation.componentId, row.c.id),
							gte(backupExpectation.dueAt, seriesStart)
						)
					)
			).map((e) => [`${e.key}@${e.dueAt.getTime()}`, `${e.state}/${e.backupId}`])
		);
		for (const schedule of settings.backups.schedules) {
			const slots = expectedSlots(
				schedule,
				row.owner.timezone,
				seriesStart,
				now,
				settings.backups.graceHours
			);
			for (const slot of slots) {
				const { state, backupId } = slotState(schedule, slot, backups, now);
				const id = `${slot.scheduleKey}@${slot.dueAt.getTime()}`;
				if (known.get(id) === `${state}/${backupId}`) continue;
				await db.transaction(async (tx) => {
					const [stored] = await tx
						.insert(backupExpectation)
						.values({
							clientId: row.owner.id,
							componentId: row.c.id,
							scheduleKey: scheduleKey(schedule),
							dueAt: slot.dueAt,
							deadlineAt: slot.deadlineAt,
							windowStart: slot.windowStart,
							state,
							backupId
						})
						.onConflictDoUpdate({
							target: [
								backupExpectation.componentId,
								backupExpectation.scheduleKey,
								backupExpectation.dueAt
							],
							set: { state, backupId, updatedAt: now }
						})
						.returning();
					if (state !== 'missing' || stored.notifiedAt) return;
					missing++;
					await tx
						.update(backupExpectation)
						.set({ notifiedAt: now })
						.where(eq(backupExpectation.id, stored.id));
					await appendEvent(tx, {
						clientId: row.owner.id,
						kind: 'backup.missing',
						payload: {
							clientSlug: row.owner.slug,
							component: row.c.key,
							dueAt: slot.dueAt.toISOString()
						}
					});
					const recipients = await tx
						.selectDistinct({ email: user.email, locale: user.locale })
						.from(user)
						.leftJoin(membership, eq(membership.userId, user.id))
						.where(
							or(
								isNotNull(user.staffRole),
								and(
									eq(membership.clientId, row.owner.id),
									inArray(membership.role, ['contact', 'admin'])
								)
							)
						);
					for (const r of recipients) {
						const locale = r.locale ?? 'fr';
						await queueMail(tx, {
							to: r.email,
							clientId: row.owner.id,
							subject: m.mail_backup_missing_subject(
								{ component: row.c.name, client: row.owner.name },
								{ locale }
							),
							text: m.mail_backup_missing_body(
								{
									component: row.c.name,
									dueAt: slot.dueAt.toISOString(),
									link: `${portalOrigin()}/app/${row.owner.slug}/backups`
								},
								{ locale }
							)
						});
					}
				});
			}
		}
	}
	if (missing > 0) nudgeMailQueue();
	return missing;
}

export function backupJobs(): PeriodicJob[] {
	return [
		{
			name: 'backup watch',
			intervalMs: 60_000,
			lockKey: 12,
			run: () => evaluateBackupExpectations()
		}
	];
}
