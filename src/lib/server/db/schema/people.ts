import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { client, type MembershipRole } from './tenancy';

export const MEMBERSHIP_CHANGE_REASONS = [
	'backfill',
	'invited',
	'role_changed',
	'removed',
	'revoked'
] as const;
export type MembershipChangeReason = (typeof MEMBERSHIP_CHANGE_REASONS)[number];

/**
 * The written list of authorized persons (000 §1.6; 002 art. 3, 4.3): one row per person and
 * role over a period, closed (effective_to) by the change that ended it. Never rewritten.
 */
export const membershipHistory = pgTable(
	'membership_history',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		userId: uuid('user_id').references(() => user.id, { onDelete: 'set null' }),
		email: text('email').notNull(),
		name: text('name').notNull(),
		role: text('role').$type<MembershipRole>().notNull(),
		effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull().defaultNow(),
		effectiveTo: timestamp('effective_to', { withTimezone: true }),
		grantedBy: uuid('granted_by').references(() => user.id, { onDelete: 'set null' }),
		grantedByName: text('granted_by_name'),
		endedBy: uuid('ended_by').references(() => user.id, { onDelete: 'set null' }),
		endedByName: text('ended_by_name'),
		/** Why the period began, and why it ended. */
		reason: text('reason').$type<MembershipChangeReason>().notNull(),
		endReason: text('end_reason').$type<MembershipChangeReason>()
	},
	(t) => [index('membership_history_client_idx').on(t.clientId, t.effectiveFrom)]
);

export type MembershipHistoryRow = typeof membershipHistory.$inferSelect;
