import { and, desc, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb } from '../db';
import { CREDIT_BASES, creditRequest, user } from '../db/schema';
import { conflict, notFound } from '../errors';
import { appendEvent } from '../live/outbox';
import { parseInput, isUuid } from '../validation';
import { creditOwed } from './credit-owed';
import { getSlaReport } from './service';

const basisSchema = z.object({ basis: z.enum(CREDIT_BASES) });

/**
 * A client's contacts and admins ask for the avoir of a missed, complete period (001 §5.1: on
 * request) or for a complete month's GTR penalties (001 §5.2).
 */
export async function requestCredit(
	ctx: RequestContext,
	slug: string,
	month: string,
	now = new Date(),
	basis: unknown = 'availability'
) {
	authorize(ctx, 'credit.request');
	const { basis: kind } = parseInput(
		basisSchema,
		{ basis: basis ?? 'availability' },
		{ basis: m.sla_credit_basis_invalid }
	);
	const figures = await getSlaReport(ctx, slug, month, {}, now);
	const owed = creditOwed(figures, kind);
	if (!owed) throw conflict(m.sla_credit_not_owed());
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const [pending] = await tx
			.select()
			.from(creditRequest)
			.where(
				and(
					eq(creditRequest.clientId, owner.id),
					eq(creditRequest.period, owed.period),
					eq(creditRequest.basis, owed.basis),
					ne(creditRequest.status, 'refused')
				)
			);
		if (pending) throw conflict(m.sla_credit_already_requested());
		const [created] = await tx
			.insert(creditRequest)
			.values({
				clientId: owner.id,
				period: owed.period,
				basis: owed.basis,
				percentBasisPoints: Math.round(owed.percent * 100),
				amountCents: owed.amountCents,
				requestedBy: actorUserId(ctx),
				requestedAt: now
			})
			.returning();
		await recordAudit(tx, ctx, {
			action: 'credit.requested',
			targetType: 'credit_request',
			targetId: created.id,
			clientId: owner.id,
			after: created,
			at: now
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'sla.changed',
			payload: { clientSlug: owner.slug, period: figures.periodKey }
		});
		return created;
	});
}

const decisionSchema = z.object({
	decision: z.enum(['approved', 'refused']),
	note: z.string().trim().max(2000).optional()
});

/** Staff admins approve (the avoir is issued) or refuse with a note; both sides see it live. */
export async function decideCredit(
	ctx: RequestContext,
	slug: string,
	id: string,
	input: unknown,
	now = new Date()
) {
	authorize(ctx, 'credit.decide');
	const data = parseInput(decisionSchema, input);
	if (!isUuid(id)) throw notFound();
	return getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const [before] = await tx
			.select()
			.from(creditRequest)
			.where(and(eq(creditRequest.clientId, owner.id), eq(creditRequest.id, id)))
			.for('update');
		if (!before) throw notFound();
		if (before.status !== 'requested') throw conflict(m.incident_wrong_state());
		const [after] = await tx
			.update(creditRequest)
			.set({
				status: data.decision,
				decidedBy: actorUserId(ctx),
				decidedAt: now,
				decisionNote: data.note ?? null
			})
			.where(eq(creditRequest.id, id))
			.returning();
		await recordAudit(tx, ctx, {
			action: `credit.${data.decision}`,
			targetType: 'credit_request',
			targetId: id,
			clientId: owner.id,
			before,
			after,
			at: now
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'sla.changed',
			payload: { clientSlug: owner.slug, period: before.period }
		});
		return after;
	});
}

export async function listCreditRequests(ctx: RequestContext, slug: string) {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const rows = await db
		.select({ request: creditRequest, requester: user.name })
		.from(creditRequest)
		.leftJoin(user, eq(user.id, creditRequest.requestedBy))
		.where(eq(creditRequest.clientId, owner.id))
		.orderBy(desc(creditRequest.requestedAt));
	return rows.map(({ request: r, requester }) => ({
		id: r.id,
		period: r.period,
		basis: r.basis,
		percent: r.percentBasisPoints / 100,
		amountCents: r.amountCents,
		status: r.status,
		requester,
		requestedAt: r.requestedAt.toISOString(),
		decidedAt: r.decidedAt?.toISOString() ?? null,
		decisionNote: r.decisionNote
	}));
}
