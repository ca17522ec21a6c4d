import {
	bigserial,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { backup } from './backups';
import { client, component } from './tenancy';
import {
	RESTORE_SCOPES,
	RESTORE_STATUSES,
	RESTORE_UPDATE_KINDS,
	type RestoreDeadlineState,
	type RestoreScope,
	type RestoreStatus,
	type RestoreUpdateKind
} from '../../../domain/restores';
export { RESTORE_SCOPES, RESTORE_STATUSES, RESTORE_UPDATE_KINDS };

/**
 * A restore request, written by an authorized contact (002 art. 7.3: "par écrit, sur l'espace
 * client"); its terms (deadline, server stop, billing, quote) are fixed when it is filed.
 */
export const restoreRequest = pgTable(
	'restore_request',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		number: text('number').notNull().unique(),
		year: integer('year').notNull(),
		sequence: integer('sequence').notNull(),
		/** The restore point; kept when the backup itself is pruned, so the register stays whole. */
		backupId: uuid('backup_id').references(() => backup.id, { onDelete: 'set null' }),
		componentId: uuid('component_id').references(() => component.id, { onDelete: 'set null' }),
		/** What the request was made against, as shown then (the backup row may be gone later). */
		pointKind: text('point_kind').notNull(),
		pointAt: timestamp('point_at', { withTimezone: true }).notNull(),
		scope: text('scope').$type<RestoreScope>().notNull(),
		target: text('target').notNull(),
		note: text('note'),
		requestedByUserId: uuid('requested_by_user_id').references(() => user.id, {
			onDelete: 'set null'
		}),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
		status: text('status').$type<RestoreStatus>().notNull().default('filed'),
		/** 000 §1.8 clause that set the deadline (incremental | full); null = none. */
		deadlineBasis: text('deadline_basis').$type<'incremental' | 'full'>(),
		withinHours: real('within_hours'),
		/** When the calendar clock started: the request, or the quote's approval. */
		clockStartedAt: timestamp('clock_started_at', { withTimezone: true }),
		dueBy: timestamp('due_by', { withTimezone: true }),
		/** Last computed deadline state; a change is pushed live. */
		deadlineState: text('deadline_state').$type<RestoreDeadlineState>(),
		stopsServer: boolean('stops_server').notNull(),
		billable: boolean('billable').notNull(),
		needsQuote: boolean('needs_quote').notNull(),
		quoteAmountCents: integer('quote_amount_cents'),
		quoteNote: text('quote_note'),
		quotedAt: timestamp('quoted_at', { withTimezone: true }),
		quoteDecidedAt: timestamp('quote_decided_at', { withTimezone: true }),
		acceptedAt: timestamp('accepted_at', { withTimezone: true }),
		scheduledAt: timestamp('scheduled_at', { withTimezone: true }),
		percent: integer('percent').notNull().default(0),
		verification: text('verification'),
		failureReason: text('failure_reason'),
		completedAt: timestamp('completed_at', { withTimezone: true }),
		endedAt: timestamp('ended_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('restore_request_year_sequence_idx').on(t.year, t.sequence),
		index('restore_request_client_requested_idx').on(t.clientId, t.requestedAt),
		index('restore_request_status_due_idx').on(t.status, t.dueBy)
	]
);

/** The request's timeline: each step, who took it, and what it said. */
export const restoreUpdate = pgTable(
	'restore_update',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		restoreId: uuid('restore_id')
			.notNull()
			.references(() => restoreRequest.id, { onDelete: 'cascade' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		authorUserId: uuid('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		kind: text('kind').$type<RestoreUpdateKind>().notNull(),
		message: text('message'),
		data: jsonb('data').$type<Record<string, unknown>>()
	},
	(t) => [index('restore_update_restore_idx').on(t.restoreId, t.at)]
);

/** One row per year: the row lock makes numbering gap-free under concurrent requests. */
export const restoreCounter = pgTable('restore_counter', {
	year: integer('year').primaryKey(),
	last: integer('last').notNull()
});

export type RestoreRequest = typeof restoreRequest.$inferSelect;
export type RestoreUpdate = typeof restoreUpdate.$inferSelect;
