/**
 * Sends queued webhook deliveries: each is claimed with `FOR UPDATE SKIP LOCKED` and a lease, so
 * any number of drains on any number of nodes send it once; the URL is resolved and checked again
 * (target.ts) and the request goes to the checked address.
 */
import { eq, sql } from 'drizzle-orm';
import { getDb, rowsOf } from '../db';
import { client, webhook, webhookDelivery } from '../db/schema';
import { appendEvent } from '../live/outbox';
import { childLog } from '../log';
import { LEASE_MS, nextAttemptAt } from './schedule';
import { signatureOf } from './signature';
import { postPinned, resolveTarget } from './target';

const WORKERS = 4;
const MAX_PER_DRAIN = 200;
const log = childLog({ module: 'webhooks' });

interface Claimed {
	id: string;
	webhook_id: string;
	event_kind: string;
	body: unknown;
	attempts: number;
	give_up_at: Date | string;
}

async function claimOne(): Promise<Claimed | undefined> {
	const [row] = rowsOf<Claimed>(
		await getDb().execute(sql`
			update webhook_delivery set attempts = attempts + 1,
				next_attempt_at = now() + make_interval(secs => ${LEASE_MS / 1000})
			where id = (
				select id from webhook_delivery where status = 'pending' and next_attempt_at <= now()
				order by next_attempt_at, id limit 1
				for update skip locked)
			returning id, webhook_id, event_kind, body, attempts, give_up_at`)
	);
	return row;
}

interface Outcome {
	status: number | null;
	error: string | null;
}

/** One attempt: the signed POST, or why none could be made. */
async function attempt(d: Claimed, hook: { url: string; secret: string }): Promise<Outcome> {
	const target = await resolveTarget(hook.url);
	if ('refused' in target) return { status: null, error: `target refused: ${target.refused}` };
	const raw = JSON.stringify(d.body);
	return postPinned(target, raw, {
		'content-type': 'application/json',
		'user-agent': 'hosting-portal-webhooks/1',
		'x-portal-event': d.event_kind,
		'x-portal-delivery': d.id,
		'x-portal-timestamp': String(Math.floor(Date.now() / 1000)),
		'x-portal-signature': signatureOf(hook.secret, raw)
	});
}

async function record(d: Claimed, outcome: Outcome, clientId: string, clientSlug: string) {
	const now = new Date();
	const ok = outcome.status !== null && outcome.status >= 200 && outcome.status < 300;
	const error = ok ? null : (outcome.error ?? `HTTP ${outcome.status}`);
	const next = ok ? null : nextAttemptAt(d.attempts, now, new Date(d.give_up_at));
	await getDb().transaction(async (tx) => {
		await tx
			.update(webhookDelivery)
			.set({
				status: ok ? 'delivered' : next ? 'pending' : 'failed',
				lastStatusCode: outcome.status,
				lastError: error,
				...(ok ? { deliveredAt: now } : {}),
				...(next ? { nextAttemptAt: next } : {})
			})
			.where(eq(webhookDelivery.id, d.id));
		await appendEvent(tx, {
			clientId,
			kind: 'webhook.changed',
			payload: { clientSlug, id: d.webhook_id }
		});
	});
	if (!ok) log.warn({ deliveryId: d.id, error, retry: Boolean(next) }, 'webhook not delivered');
}

async function deliverOne(): Promise<boolean> {
	const d = await claimOne();
	if (!d) return false;
	const [hook] = await getDb()
		.select({
			url: webhook.url,
			secret: webhook.secret,
			clientId: webhook.clientId,
			slug: client.slug
		})
		.from(webhook)
		.innerJoin(client, eq(client.id, webhook.clientId))
		.where(eq(webhook.id, d.webhook_id));
	// Deleted meanwhile: its deliveries went with it.
	if (!hook) return true;
	let outcome: Outcome;
	try {
		outcome = await attempt(d, hook);
	} catch (e) {
		outcome = { status: null, error: e instanceof Error ? e.message.slice(0, 300) : 'failed' };
	}
	await record(d, outcome, hook.clientId, hook.slug);
	return true;
}

/** Sends what is due, a few at a time; returns how many attempts were made. */
export async function deliverDueWebhooks(): Promise<number> {
	let made = 0;
	const worker = async () => {
		while (made < MAX_PER_DRAIN && (await deliverOne())) made++;
	};
	await Promise.all(Array.from({ length: WORKERS }, worker));
	return made;
}
