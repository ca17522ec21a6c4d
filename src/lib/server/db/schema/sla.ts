import {
	bigint,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { incident } from './incidents';
import { client, component } from './tenancy';
import {
	CREDIT_BASES,
	CREDIT_REQUEST_STATUSES,
	type CreditBasis,
	type CreditRequestStatus
} from '../../../domain/sla';
export { CREDIT_BASES, CREDIT_REQUEST_STATUSES, type CreditBasis, type CreditRequestStatus };

/** Staff mark a period of a component's downtime with its cause (004 art. 6 excusable events). */
export const downtimeQualification = pgTable(
	'downtime_qualification',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' }),
		startAt: timestamp('start_at', { withTimezone: true }).notNull(),
		endAt: timestamp('end_at', { withTimezone: true }).notNull(),
		cause: text('cause').notNull(),
		note: text('note').notNull(),
		/** Set when the qualification comes from an incident's cause. */
		incidentId: uuid('incident_id').references(() => incident.id, { onDelete: 'cascade' }),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('downtime_qualification_client_start_idx').on(t.clientId, t.startAt)]
);

/** A closed period's figures, frozen with a hash of their inputs; reopening is audited. */
export const slaPeriod = pgTable(
	'sla_period',
	{
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		/** 'YYYY-MM' for a month. */
		period: text('period').notNull(),
		figures: jsonb('figures').$type<Record<string, unknown>>().notNull(),
		inputsHash: text('inputs_hash').notNull(),
		frozenAt: timestamp('frozen_at', { withTimezone: true }).notNull().defaultNow(),
		reopened: boolean('reopened').notNull().default(false),
		reopenedAt: timestamp('reopened_at', { withTimezone: true }),
		reopenedBy: uuid('reopened_by').references(() => user.id, { onDelete: 'set null' }),
		reopenReason: text('reopen_reason')
	},
	(t) => [primaryKey({ columns: [t.clientId, t.period] })]
);

/** An avoir asked for a missed period or a month's GTR penalties (001 §5.1, §5.2: on request). */
export const creditRequest = pgTable(
	'credit_request',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		period: text('period').notNull(),
		/** A GTR request's period is always a month, whatever the contract's SLA period. */
		basis: text('basis').$type<CreditBasis>().notNull().default('availability'),
		/** Credit in basis points of the monthly fee (250 = 2.5 %). */
		percentBasisPoints: integer('percent_basis_points').notNull(),
		amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
		status: text('status').$type<CreditRequestStatus>().notNull().default('requested'),
		requestedBy: uuid('requested_by').references(() => user.id, { onDelete: 'set null' }),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		decidedBy: uuid('decided_by').references(() => user.id, { onDelete: 'set null' }),
		decidedAt: timestamp('decided_at', { withTimezone: true }),
		decisionNote: text('decision_note')
	},
	(t) => [index('credit_request_client_idx').on(t.clientId, t.period)]
);
