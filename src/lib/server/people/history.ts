import { and, desc, eq, isNull } from 'drizzle-orm';
import { actorUserId, type RequestContext } from '../context';
import { getClientInScope } from '../clients/scope';
import { getDb, type Executor } from '../db';
import { membershipHistory, type MembershipChangeReason, type MembershipRole } from '../db/schema';
import { authorize } from '../policy';

/** Who made a change, as the history names them (the name stays if the account goes). */
function changedBy(ctx: RequestContext) {
	return { id: actorUserId(ctx), name: 'name' in ctx.actor ? ctx.actor.name : null };
}

/** A person's new period on the list, in the caller's transaction. */
export async function openMembershipPeriod(
	tx: Executor,
	ctx: RequestContext,
	period: {
		clientId: string;
		userId: string;
		email: string;
		name: string;
		role: MembershipRole;
		reason: MembershipChangeReason;
		at?: Date;
	}
): Promise<void> {
	const by = changedBy(ctx);
	await tx.insert(membershipHistory).values({
		clientId: period.clientId,
		userId: period.userId,
		email: period.email,
		name: period.name,
		role: period.role,
		effectiveFrom: period.at ?? new Date(),
		grantedBy: by.id,
		grantedByName: by.name,
		reason: period.reason
	});
}

/** Closes the person's open period on this client's list, in the caller's transaction. */
export async function closeMembershipPeriod(
	tx: Executor,
	ctx: RequestContext,
	clientId: string,
	userId: string,
	reason: MembershipChangeReason,
	at = new Date()
): Promise<void> {
	const by = changedBy(ctx);
	await tx
		.update(membershipHistory)
		.set({ effectiveTo: at, endedBy: by.id, endedByName: by.name, endReason: reason })
		.where(
			and(
				eq(membershipHistory.clientId, clientId),
				eq(membershipHistory.userId, userId),
				isNull(membershipHistory.effectiveTo)
			)
		);
}

export interface MembershipPeriod {
	email: string;
	name: string;
	role: MembershipRole;
	effectiveFrom: Date;
	effectiveTo: Date | null;
	grantedByName: string | null;
	endedByName: string | null;
	reason: MembershipChangeReason;
	endReason: MembershipChangeReason | null;
}

/** The client's list of authorized persons over time, newest period first. */
export async function listMembershipHistory(
	ctx: RequestContext,
	slug: string
): Promise<{ clientId: string; periods: MembershipPeriod[] }> {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	authorize(ctx, 'people.read', { clientId: owner.id });
	const periods = await db
		.select({
			email: membershipHistory.email,
			name: membershipHistory.name,
			role: membershipHistory.role,
			effectiveFrom: membershipHistory.effectiveFrom,
			effectiveTo: membershipHistory.effectiveTo,
			grantedByName: membershipHistory.grantedByName,
			endedByName: membershipHistory.endedByName,
			reason: membershipHistory.reason,
			endReason: membershipHistory.endReason
		})
		.from(membershipHistory)
		.where(eq(membershipHistory.clientId, owner.id))
		.orderBy(desc(membershipHistory.effectiveFrom), desc(membershipHistory.id));
	return { clientId: owner.id, periods };
}
