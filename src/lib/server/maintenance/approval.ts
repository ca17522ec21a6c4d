/**
 * The client's written agreement (000 §1.4): an authorized contact or the client's admin approves
 * or refuses a published window that needs it, before it starts. The recorded decision, with who
 * and when, is the agreement; a refusal leaves the window counted in availability.
 */
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { maintenance } from '../db/schema';
import { conflict } from '../errors';
import { authorize } from '../policy';
import { maintenanceDecisionSchema, maintenanceRefusalSchema, parseMaintenance } from './input';
import { assessWindow, decisionRefusal, type Decision } from './lifecycle';
import { maintenanceItems, windowInScope, windowRecord } from './records';
import { recordChange, settingsOf } from './service';

async function decide(
	ctx: RequestContext,
	slug: string,
	id: string,
	decision: Decision,
	comment: string | undefined,
	now: Date
) {
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const settings = await settingsOf(tx, owner);
		const before = await windowInScope(tx, owner.id, id, { lock: true, drafts: false });
		const w = windowRecord(before);
		const refusal = decisionRefusal(w, assessWindow(w, settings, owner.timezone, now), now);
		if (refusal === 'already_started') throw conflict(m.maintenance_already_started());
		if (refusal) throw conflict(m.maintenance_not_pending());
		const [after] = await tx
			.update(maintenance)
			.set({
				approval: decision,
				approvalAt: now,
				approvalBy: actorUserId(ctx),
				approvalComment: comment ?? null,
				updatedAt: now
			})
			.where(eq(maintenance.id, before.id))
			.returning();
		await recordChange(tx, ctx, owner, decision, after, before);
		const [item] = await maintenanceItems(tx, [after], settings, owner.timezone, now);
		return item;
	});
}

export function approveMaintenance(
	ctx: RequestContext,
	slug: string,
	id: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'maintenance.approve');
	const { comment } = parseMaintenance(maintenanceDecisionSchema, input ?? {});
	return decide(ctx, slug, id, 'approved', comment, now);
}

/** A refusal says why. */
export function refuseMaintenance(
	ctx: RequestContext,
	slug: string,
	id: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'maintenance.approve');
	const { comment } = parseMaintenance(maintenanceRefusalSchema, input);
	return decide(ctx, slug, id, 'refused', comment, now);
}
