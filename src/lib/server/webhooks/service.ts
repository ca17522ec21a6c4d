/**
 * A client's webhooks (issue 11 §6): its admin or staff add them (URL, event families; the
 * secret is shown once), delete them, read the delivery log and replay a delivery.
 *
 * The secret is stored as it is: signing needs it back, so it cannot be hashed like tokens.
 * Encrypting it with a key held by the same server would not change who can forge a delivery
 * (whoever reads the database also reads the key's host, and every event the webhook carries),
 * so it would add key management and no protection; the API and pages never show it again.
 */
import { and, count, desc, eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { generateSecret } from '../auth/crypto';
import { clientScope } from '../clients/scope';
import { actorUserId, type RequestContext } from '../context';
import { getDb, type Executor } from '../db';
import { webhook, webhookDelivery, type Client } from '../db/schema';
import { conflict, invalid, notFound } from '../errors';
import { appendEvent } from '../live/outbox';
import { authorize, type Action } from '../policy';
import { isUuid } from '../validation';
import {
	deliveriesQuerySchema,
	MAX_WEBHOOKS_PER_CLIENT,
	parseWebhook,
	replaySchema,
	webhookCreateSchema
} from './input';
import { GIVE_UP_AFTER_MS } from './schedule';
import { resolveTarget, type TargetRefusal } from './target';

export const DELIVERIES_PAGE_SIZE = 20;

const refusalMessages: Record<TargetRefusal, () => string> = {
	scheme: () => m.webhook_url_scheme(),
	unresolved: () => m.webhook_url_unresolved(),
	forbidden_address: () => m.webhook_url_forbidden()
};

/** The client through the tenant gate (another client's is a 404), then the role check. */
async function scoped(ctx: RequestContext, slug: string, action: Action): Promise<Client> {
	const { client: owner } = await clientScope(ctx, slug);
	authorize(ctx, action, { clientId: owner.id });
	return owner;
}

async function webhookInScope(db: Executor, owner: Client, id: string, lock = false) {
	if (!isUuid(id)) throw notFound();
	const query = db
		.select()
		.from(webhook)
		.where(and(eq(webhook.clientId, owner.id), eq(webhook.id, id)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw notFound();
	return row;
}

const publicFields = (w: typeof webhook.$inferSelect) => ({
	id: w.id,
	url: w.url,
	events: w.events,
	active: w.active,
	createdAt: w.createdAt
});

async function changed(tx: Executor, owner: Client, id: string) {
	await appendEvent(tx, {
		clientId: owner.id,
		kind: 'webhook.changed',
		payload: { clientSlug: owner.slug, id }
	});
}

export async function listWebhooks(ctx: RequestContext, slug: string) {
	const owner = await scoped(ctx, slug, 'webhook.read');
	const rows = await getDb()
		.select()
		.from(webhook)
		.where(eq(webhook.clientId, owner.id))
		.orderBy(desc(webhook.createdAt));
	return rows.map(publicFields);
}

/** Refuses a URL that is not http(s) or resolves to a forbidden address (422 on `url`). */
export async function createWebhook(ctx: RequestContext, slug: string, input: unknown) {
	const owner = await scoped(ctx, slug, 'webhook.manage');
	const data = parseWebhook(webhookCreateSchema, input);
	const target = await resolveTarget(data.url);
	if ('refused' in target)
		throw invalid(m.form_has_errors(), { url: refusalMessages[target.refused]() });
	const secret = `whsec_${generateSecret()}`;
	return getDb().transaction(async (tx) => {
		const [{ n }] = await tx
			.select({ n: count() })
			.from(webhook)
			.where(eq(webhook.clientId, owner.id));
		if (n >= MAX_WEBHOOKS_PER_CLIENT) throw conflict(m.webhook_too_many());
		const [row] = await tx
			.insert(webhook)
			.values({
				clientId: owner.id,
				url: target.url.toString(),
				events: data.events,
				secret,
				createdBy: actorUserId(ctx)
			})
			.returning();
		const view = publicFields(row);
		await recordAudit(tx, ctx, {
			action: 'webhook.created',
			targetType: 'webhook',
			targetId: row.id,
			clientId: owner.id,
			after: view
		});
		await changed(tx, owner, row.id);
		return { ...view, secret };
	});
}

export async function deleteWebhook(ctx: RequestContext, slug: string, id: string) {
	const owner = await scoped(ctx, slug, 'webhook.manage');
	return getDb().transaction(async (tx) => {
		const row = await webhookInScope(tx, owner, id, true);
		await tx.delete(webhook).where(eq(webhook.id, row.id));
		await recordAudit(tx, ctx, {
			action: 'webhook.deleted',
			targetType: 'webhook',
			targetId: row.id,
			clientId: owner.id,
			before: publicFields(row)
		});
		await changed(tx, owner, row.id);
		return { id: row.id, deleted: true as const };
	});
}

export type DeliveryRow = typeof webhookDelivery.$inferSelect;

/** A webhook's deliveries, newest first, 20 a page. */
export async function listDeliveries(
	ctx: RequestContext,
	slug: string,
	id: string,
	query: unknown = {}
) {
	const owner = await scoped(ctx, slug, 'webhook.read');
	const { page = 1 } = parseWebhook(deliveriesQuerySchema, query);
	const db = getDb();
	const hook = await webhookInScope(db, owner, id);
	const [rows, [{ total }]] = await Promise.all([
		db
			.select()
			.from(webhookDelivery)
			.where(eq(webhookDelivery.webhookId, hook.id))
			.orderBy(desc(webhookDelivery.createdAt), desc(webhookDelivery.id))
			.limit(DELIVERIES_PAGE_SIZE)
			.offset((page - 1) * DELIVERIES_PAGE_SIZE),
		db
			.select({ total: count() })
			.from(webhookDelivery)
			.where(eq(webhookDelivery.webhookId, hook.id))
	]);
	return { webhook: publicFields(hook), items: rows, page, total, pageSize: DELIVERIES_PAGE_SIZE };
}

/** Sends a delivery again as a new one (same body, same event id), whatever became of the first. */
export async function replayDelivery(
	ctx: RequestContext,
	slug: string,
	id: string,
	deliveryId: string,
	input: unknown = {}
) {
	const owner = await scoped(ctx, slug, 'webhook.manage');
	parseWebhook(replaySchema, input);
	if (!isUuid(deliveryId)) throw notFound();
	return getDb().transaction(async (tx) => {
		const hook = await webhookInScope(tx, owner, id);
		const [original] = await tx
			.select()
			.from(webhookDelivery)
			.where(and(eq(webhookDelivery.webhookId, hook.id), eq(webhookDelivery.id, deliveryId)));
		if (!original) throw notFound();
		const now = new Date();
		const [replay] = await tx
			.insert(webhookDelivery)
			.values({
				webhookId: hook.id,
				eventId: original.eventId,
				eventKind: original.eventKind,
				body: original.body,
				giveUpAt: new Date(now.getTime() + GIVE_UP_AFTER_MS),
				nextAttemptAt: now,
				createdAt: now,
				replayOf: original.replayOf ?? original.id
			})
			.returning();
		await recordAudit(tx, ctx, {
			action: 'webhook.delivery_replayed',
			targetType: 'webhook_delivery',
			targetId: replay.id,
			clientId: owner.id,
			after: { webhookId: hook.id, replayOf: replay.replayOf, eventId: replay.eventId }
		});
		await changed(tx, owner, hook.id);
		return replay;
	});
}
