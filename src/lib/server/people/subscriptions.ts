/**
 * Which components' maintenance and incident mails a person gets from one client (issue 11 §7).
 * Stored in `mail_subscription`; maintenance/recipients.ts and incidents/notify.ts read it.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { getClientInScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { component, mailSubscription } from '../db/schema';
import { invalid, notFound } from '../errors';
import { authorize } from '../policy';
import { parseInput } from '../validation';

const subscriptionSchema = z.object({
	scope: z.enum(['all', 'chosen']),
	components: z.array(z.string().max(100)).max(1000).default([])
});

function subscriber(ctx: RequestContext): string {
	authorize(ctx, 'mail.subscribe');
	const id = actorUserId(ctx);
	if (!id) throw notFound();
	return id;
}

/** The client's components, each ticked when the person is mailed about it (all by default). */
export async function getSubscriptions(ctx: RequestContext, slug: string) {
	const userId = subscriber(ctx);
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const [components, [row]] = await Promise.all([
		db
			.select({ id: component.id, key: component.key, name: component.name })
			.from(component)
			.where(eq(component.clientId, owner.id))
			.orderBy(asc(component.name)),
		db
			.select({ componentIds: mailSubscription.componentIds })
			.from(mailSubscription)
			.where(and(eq(mailSubscription.userId, userId), eq(mailSubscription.clientId, owner.id)))
	]);
	const chosen = row?.componentIds ? new Set(row.componentIds) : null;
	return {
		all: chosen === null,
		components: components.map((c) => ({
			key: c.key,
			name: c.name,
			subscribed: chosen === null || chosen.has(c.id)
		}))
	};
}

/** Every component, or only the ticked ones (none at all is allowed: critical incidents still come). */
export async function updateSubscriptions(ctx: RequestContext, slug: string, input: unknown) {
	const userId = subscriber(ctx);
	const data = parseInput(subscriptionSchema, input, {
		scope: m.subscriptions_scope_invalid,
		components: m.subscriptions_components_invalid
	});
	await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		const keys = [...new Set(data.components)];
		const found =
			data.scope === 'chosen' && keys.length > 0
				? await tx
						.select({ id: component.id })
						.from(component)
						.where(and(eq(component.clientId, owner.id), inArray(component.key, keys)))
				: [];
		if (data.scope === 'chosen' && found.length !== keys.length)
			throw invalid(m.form_has_errors(), { components: m.subscriptions_components_invalid() });
		const componentIds = data.scope === 'all' ? null : found.map((c) => c.id);
		const [before] = await tx
			.select({ componentIds: mailSubscription.componentIds })
			.from(mailSubscription)
			.where(and(eq(mailSubscription.userId, userId), eq(mailSubscription.clientId, owner.id)));
		await tx
			.insert(mailSubscription)
			.values({ userId, clientId: owner.id, componentIds })
			.onConflictDoUpdate({
				target: [mailSubscription.userId, mailSubscription.clientId],
				set: { componentIds, updatedAt: new Date() }
			});
		await recordAudit(tx, ctx, {
			action: 'subscriptions.updated',
			targetType: 'user',
			targetId: userId,
			clientId: owner.id,
			before: before ?? { componentIds: null },
			after: { componentIds }
		});
	});
}
