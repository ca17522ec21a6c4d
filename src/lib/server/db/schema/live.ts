import { sql } from 'drizzle-orm';
import {
	bigint,
	bigserial,
	boolean,
	check,
	index,
	integer,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { client } from './tenancy';

/** The live outbox: every write appends here in its transaction; NOTIFY carries the id. */
export const event = pgTable(
	'event',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		clientId: uuid('client_id').references(() => client.id, { onDelete: 'cascade' }),
		isPublic: boolean('is_public').notNull().default(false),
		kind: text('kind').notNull(),
		payload: jsonb('payload').notNull(),
		/** The writing transaction's id (xid8 as a number). */
		txId: bigint('tx_id', { mode: 'number' })
			.notNull()
			.default(sql`(pg_current_xact_id()::text::bigint)`),
		/**
		 * The oldest transaction still running when this row was inserted: any event with a lower id
		 * that was not yet committed then belongs to a transaction with `tx_id >= tx_horizon`.
		 * Catch-up uses it to replay what commits late (live/realtime.ts).
		 */
		txHorizon: bigint('tx_horizon', { mode: 'number' })
			.notNull()
			.default(sql`(pg_snapshot_xmin(pg_current_snapshot())::text::bigint)`)
	},
	(t) => [
		index('event_client_id_idx').on(t.clientId, t.id),
		index('event_tx_id_idx').on(t.txId),
		// The public page's cursor and catch-up read only public events.
		index('event_public_id_idx')
			.on(t.id)
			.where(sql`${t.isPublic}`)
	]
);

export type OutboxMailState = 'pending' | 'sent' | 'failed';

/**
 * The mail queue: requests insert, the mail job (mail/jobs.ts) sends. A claim leases a row by
 * pushing `next_attempt_at` forward; a failure sets the back-off there; after 24 h it gives up.
 */
export const outboxMail = pgTable(
	'outbox_mail',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		to: text('to').notNull(),
		/** The client the mail is about: destroying the client destroys its mail. */
		clientId: uuid('client_id').references(() => client.id, { onDelete: 'cascade' }),
		subject: text('subject').notNull(),
		text: text('text').notNull(),
		state: text('state').$type<OutboxMailState>().notNull().default('pending'),
		/** Sends tried so far (counted at the claim). */
		attempts: integer('attempts').notNull().default(0),
		/** Pending: due from then on (the lease of a claim, or the back-off after a failure). */
		nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
		sentAt: timestamp('sent_at', { withTimezone: true }),
		/** When the queue gave up on it (state `failed`). */
		failedAt: timestamp('failed_at', { withTimezone: true }),
		/** The last failure. */
		error: text('error')
	},
	(t) => [
		index('outbox_mail_due_idx')
			.on(t.nextAttemptAt)
			.where(sql`state = 'pending'`),
		check('outbox_mail_state_check', sql`${t.state} in ('pending', 'sent', 'failed')`)
	]
);
