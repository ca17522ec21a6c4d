import { sql } from 'drizzle-orm';
import {
	bigint,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { client } from './tenancy';

/**
 * A client's webhook: the portal POSTs the client's events matching `events` to `url`, signed
 * with `secret`. The secret is kept as is (not hashed) because signing needs it; it is shown
 * once at creation and never returned again (webhooks/service.ts says why it is not encrypted).
 */
export const webhook = pgTable(
	'webhook',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		url: text('url').notNull(),
		/** Event patterns: `maintenance.*`, `incident.*`, `backup.*`, `restore.*`. */
		events: text('events').array().notNull(),
		secret: text('secret').notNull(),
		active: boolean('active').notNull().default(true),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('webhook_client_idx').on(t.clientId, t.createdAt)]
);

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * One event to send to one webhook: the queue and its log. The delivery job claims due rows
 * (`FOR UPDATE SKIP LOCKED`, a lease on `next_attempt_at`), retries with back-off and gives up
 * at `give_up_at`. A replay is a new row pointing at the original.
 */
export const webhookDelivery = pgTable(
	'webhook_delivery',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		webhookId: uuid('webhook_id')
			.notNull()
			.references(() => webhook.id, { onDelete: 'cascade' }),
		/** The `event` row it came from (no foreign key: live events are purged after 3 days). */
		eventId: bigint('event_id', { mode: 'number' }).notNull(),
		eventKind: text('event_kind').notNull(),
		/** The JSON body sent, without its signature: a replay sends the same. */
		body: jsonb('body').notNull(),
		status: text('status').$type<WebhookDeliveryStatus>().notNull().default('pending'),
		attempts: integer('attempts').notNull().default(0),
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		giveUpAt: timestamp('give_up_at', { withTimezone: true }).notNull(),
		lastError: text('last_error'),
		lastStatusCode: integer('last_status_code'),
		deliveredAt: timestamp('delivered_at', { withTimezone: true }),
		replayOf: uuid('replay_of'),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		// Each event once per webhook; replays are extra rows.
		uniqueIndex('webhook_delivery_event_idx')
			.on(t.webhookId, t.eventId)
			.where(sql`${t.replayOf} is null`),
		index('webhook_delivery_log_idx').on(t.webhookId, t.createdAt),
		index('webhook_delivery_due_idx')
			.on(t.nextAttemptAt)
			.where(sql`${t.status} = 'pending'`),
		check('webhook_delivery_status_check', sql`${t.status} in ('pending', 'delivered', 'failed')`)
	]
);

/** How far the webhook fan-out has read the `event` table (one row). */
export const webhookCursor = pgTable('webhook_cursor', {
	id: integer('id').primaryKey(),
	lastEventId: bigint('last_event_id', { mode: 'number' }).notNull(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
