import {
	bigint,
	boolean,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from './auth';

/** A user's TOTP secret (RFC 6238); enabled once confirmed with a first code. */
export const userTwoFactor = pgTable('user_two_factor', {
	userId: uuid('user_id')
		.primaryKey()
		.references(() => user.id, { onDelete: 'cascade' }),
	/** Base32, as shown to the user at enrolment. */
	secret: text('secret').notNull(),
	confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
	/** The last accepted time step: a code is never accepted twice. */
	lastUsedStep: bigint('last_used_step', { mode: 'number' }),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** Single-use recovery codes, stored as SHA-256 only. */
export const recoveryCode = pgTable(
	'recovery_code',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		userId: uuid('user_id')
			.notNull()
			.references(() => user.id, { onDelete: 'cascade' }),
		codeHash: text('code_hash').notNull(),
		usedAt: timestamp('used_at', { withTimezone: true })
	},
	(t) => [index('recovery_code_user_idx').on(t.userId)]
);

/** The half-session between the password and the second factor: no access until the code. */
export const twoFactorChallenge = pgTable('two_factor_challenge', {
	id: text('id').primaryKey(),
	userId: uuid('user_id')
		.notNull()
		.references(() => user.id, { onDelete: 'cascade' }),
	redirectTo: text('redirect_to'),
	expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** The provider's own settings: one row (id = 1). */
export const providerSetting = pgTable('provider_setting', {
	id: integer('id').primaryKey().default(1),
	requireStaffTwoFactor: boolean('require_staff_two_factor').notNull().default(false),
	staffIdleMinutes: integer('staff_idle_minutes')
		.notNull()
		.default(12 * 60),
	memberIdleMinutes: integer('member_idle_minutes')
		.notNull()
		.default(30 * 24 * 60),
	absoluteLifetimeHours: integer('absolute_lifetime_hours')
		.notNull()
		.default(30 * 24),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});
