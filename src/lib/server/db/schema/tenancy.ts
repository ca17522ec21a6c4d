import {
	bigint,
	boolean,
	date,
	jsonb,
	pgTable,
	text,
	timestamp,
	uuid,
	uniqueIndex,
	index,
	integer
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import {
	MEMBERSHIP_ROLES,
	COMPONENT_KINDS,
	type MembershipRole,
	type ComponentKind
} from '../../../domain';
export { MEMBERSHIP_ROLES, COMPONENT_KINDS, type MembershipRole, type ComponentKind };

export const client = pgTable('client', {
	id: uuid('id').primaryKey().defaultRandom(),
	slug: text('slug').notNull().unique(),
	name: text('name').notNull(),
	timezone: text('timezone').notNull().default('Europe/Paris'),
	commissionedAt: timestamp('commissioned_at', { withTimezone: true }),
	/** Staff admins may require two-factor sign-in of this client's admins. */
	requireAdminTwoFactor: boolean('require_admin_two_factor').notNull().default(false),
	/**
	 * The contract's end date, recorded by the provider: it starts the countdown to destruction.
	 * On the client row, which every request reads anyway, so a client without one costs nothing.
	 */
	contractEndsOn: date('contract_ends_on'),
	contractEndRecordedAt: timestamp('contract_end_recorded_at', { withTimezone: true }),
	contractEndRecordedBy: uuid('contract_end_recorded_by').references(() => user.id, {
		onDelete: 'set null'
	}),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

/** A person belongs to one client at most (portal rule, for 000 §4 confidentiality): user_id is unique. */
export const membership = pgTable(
	'membership',
	{
		userId: uuid('user_id')
			.primaryKey()
			.references(() => user.id, { onDelete: 'cascade' }),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		role: text('role').$type<MembershipRole>().notNull(),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('membership_client_idx').on(t.clientId)]
);

export const contract = pgTable('contract', {
	clientId: uuid('client_id')
		.primaryKey()
		.references(() => client.id, { onDelete: 'cascade' }),
	preset: text('preset').notNull(),
	overrides: jsonb('overrides').$type<Record<string, unknown>>().notNull().default({}),
	monthlyFeeCents: bigint('monthly_fee_cents', { mode: 'number' }).notNull().default(0),
	updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
});

export const component = pgTable(
	'component',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		key: text('key').notNull(),
		name: text('name').notNull(),
		kind: text('kind').$type<ComponentKind>().notNull(),
		public: boolean('public').notNull().default(false),
		/** How often an agent reports; three missed intervals make the state unknown. */
		expectedIntervalSeconds: integer('expected_interval_seconds').notNull().default(60),
		/** Counted by the SLA: its downtime is the service's (default: every component). */
		slaScope: boolean('sla_scope').notNull().default(true),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [uniqueIndex('component_client_key_idx').on(t.clientId, t.key)]
);

export type Membership = typeof membership.$inferSelect;
export type Client = typeof client.$inferSelect;
export type Component = typeof component.$inferSelect;
export type Contract = typeof contract.$inferSelect;
export type User = typeof user.$inferSelect;
