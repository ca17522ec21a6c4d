import { formatDateTime } from '$lib/labels';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { restoreRequest, restoreUpdate, type RestoreRequest } from '../db/schema';
import { portalOrigin } from '../incidents/context';
import { appendEvent } from '../live/outbox';
import { nudgeMailQueue } from '../mail/mailer';
import { authorize } from '../policy';
import { parseInput } from '../validation';
import { nextRestoreSequence, restoreRules, yearIn } from './context';
import { fieldMessages, requestRestoreSchema } from './input';
import { mailRestoreClient, mailRestoreStaff } from './notify';
import { restorePointInScope } from './points';
import { restoreClockStart, restoreDueBy, restoreNumber, restoreTerms } from './rules';
import { termsText } from './terms-text';

/**
 * A restore request (002 art. 7.3: written, by an authorized contact, in the client space):
 * a restorable point of the client's, the requester's confirmation that later data is lost
 * (001 §4.5), its terms fixed from the contract (000 §1.8, 003 art. 5), a yearly number, the
 * first timeline entry, audit, live event and mails.
 */
export async function requestRestore(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	now = new Date()
): Promise<RestoreRequest> {
	authorize(ctx, 'restore.request');
	const data = parseInput(requestRestoreSchema, input, fieldMessages);
	const created = await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const { settings, policy } = await restoreRules(tx, owner.id);
		const picked = await restorePointInScope(tx, owner, data.backupId, settings, now);
		const terms = restoreTerms(policy, picked.point, data.scope);
		const year = yearIn(owner.timezone, now);
		const sequence = await nextRestoreSequence(tx, year);
		const clockStartedAt = restoreClockStart(terms, now, null);
		const dueBy = restoreDueBy(policy, terms.withinHours, clockStartedAt);
		const [row] = await tx
			.insert(restoreRequest)
			.values({
				clientId: owner.id,
				number: restoreNumber(year, sequence),
				year,
				sequence,
				backupId: picked.id,
				componentId: picked.componentId,
				pointKind: picked.kind,
				pointAt: picked.startedAt,
				scope: data.scope,
				target: data.target,
				note: data.note || null,
				requestedByUserId: ctx.actor.kind === 'member' ? ctx.actor.userId : null,
				requestedAt: now,
				deadlineBasis: terms.basis,
				withinHours: terms.withinHours,
				clockStartedAt,
				dueBy,
				deadlineState: dueBy ? 'on_track' : null,
				stopsServer: terms.stopsServer,
				billable: terms.billable,
				needsQuote: terms.needsQuote,
				createdAt: now,
				updatedAt: now
			})
			.returning();
		await tx.insert(restoreUpdate).values({
			restoreId: row.id,
			at: now,
			authorUserId: actorUserId(ctx),
			kind: 'filed',
			message: row.note,
			data: { confirmDataLoss: true, pointAt: picked.startedAt.toISOString() }
		});
		await recordAudit(tx, ctx, {
			action: 'restore.filed',
			targetType: 'restore_request',
			targetId: row.id,
			clientId: owner.id,
			after: row,
			at: now
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'restore.filed',
			payload: { clientSlug: owner.slug, number: row.number, status: row.status }
		});
		const body = (locale: 'fr' | 'en') =>
			m.mail_restore_filed_body(
				{
					point: formatDateTime(row.pointAt, locale),
					terms: termsText(row, locale)
				},
				{ locale }
			);
		await mailRestoreClient(tx, row, 'filed', body, portalOrigin(), owner.slug, now);
		await mailRestoreStaff(tx, row, 'filed', body, portalOrigin(), now);
		return row;
	});
	nudgeMailQueue();
	return created;
}
