import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';

/**
 * A person's secret iCal feed of the maintenance they may see: the URL carries the token, the
 * database only its SHA-256 (like sessions). One per person; regenerating replaces it, revoking
 * deletes it, and either way the old URL answers 404.
 */
export const calendarFeedToken = pgTable('calendar_feed_token', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	tokenHash: text('token_hash').notNull().unique(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	lastUsedAt: timestamp('last_used_at', { withTimezone: true })
});
