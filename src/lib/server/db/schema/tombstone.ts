import { date, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * What is left of a destroyed client (000 §1.9, 002 art. 7.3, 003 art. 10, 004 art. 10): enough
 * to prove when and on whose order its data went, nothing of the data itself. No foreign key:
 * the client, its contract and the person who ordered it may all be gone.
 */
export const clientTombstone = pgTable('client_tombstone', {
	clientId: uuid('client_id').primaryKey(),
	slug: text('slug').notNull(),
	name: text('name').notNull(),
	preset: text('preset').notNull(),
	endsOn: date('ends_on').notNull(),
	destroyOn: date('destroy_on').notNull(),
	destroyedAt: timestamp('destroyed_at', { withTimezone: true }).notNull().defaultNow(),
	/** Who recorded the end of the contract, as named then. */
	orderedByUserId: uuid('ordered_by_user_id'),
	orderedByName: text('ordered_by_name'),
	/** The last export's SHA-256 (null when the client never exported). */
	exportSha256: text('export_sha256'),
	exportFinishedAt: timestamp('export_finished_at', { withTimezone: true })
});

export type ClientTombstone = typeof clientTombstone.$inferSelect;
