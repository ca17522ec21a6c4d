import { sql } from 'drizzle-orm';
import {
	boolean,
	integer,
	pgTable,
	text,
	timestamp,
	uuid,
	index,
	uniqueIndex
} from 'drizzle-orm/pg-core';
import { STAFF_ROLES, API_SCOPES, type StaffRole, type ApiScope } from '../../../domain/roles';
export { STAFF_ROLES, API_SCOPES, type StaffRole, type ApiScope };

export const user = pgTable(
	'user',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		email: text('email').notNull(),
		name: text('name').notNull(),
		passwordHash: text('password_hash'),
		staffRole: text('staff_role').$type<StaffRole>(),
		locale: text('locale').$type<'fr' | 'en'>(),
		/** Incident e-mails muted, except for critical reports. */
		muteIncidentMail: boolean('mute_incident_mail').notNull().default(false),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('user_email_lower_idx').on(sql`lower(${t.email})`)]
);

export const session = pgTable(
	'session',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		ip: text('ip'),
		/** Written at most once a minute (idle timeout, the account's session list). */
		lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
		userAgent: text('user_agent')
	},
	(t) => [index('session_user_idx').on(t.userId)]
);

export const USER_TOKEN_PURPOSES = ['password_reset', 'invitation'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

/** Single-use e-mailed tokens; only their SHA-256 is stored. */
export const userToken = pgTable(
	'user_token',
	{
		id: text('id').primaryKey(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		purpose: text('purpose').$type<UserTokenPurpose>().notNull(),
		expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
		usedAt: timestamp('used_at', { withTimezone: true }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('user_token_user_idx').on(t.userId)]
);

export const apiToken = pgTable('api_token', {
	id: uuid('id').primaryKey().defaultRandom(),
	name: text('name').notNull(),
	tokenHash: text('token_hash').notNull().unique(),
	prefix: text('prefix').notNull(),
	scope: text('scope').$type<ApiScope>().notNull(),
	createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
	revokedAt: timestamp('revoked_at', { withTimezone: true })
});

/** Failed sign-in counters, keyed `ip:<addr>` or `account:<email>`; shared by every app node. */
export const loginThrottle = pgTable('login_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	blockedUntil: timestamp('blocked_until', { withTimezone: true }),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
