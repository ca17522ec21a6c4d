import { sql } from 'drizzle-orm';
import {
	check,
	index,
	integer,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { client, component } from './tenancy';

/**
 * Planned maintenance (000 §1.4, 001 §5.5): excluded from availability when announced in time.
 * `state` holds what staff decide (draft, published, cancelled); in progress and completed follow
 * the clock from a published window's times (maintenance/lifecycle.ts).
 */
export const maintenance = pgTable(
	'maintenance',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		/** planned | network (001 §5.5); null on windows recorded before kinds: the contract's default. */
		kind: text('kind'),
		state: text('state').notNull().default('published'),
		title: text('title').notNull(),
		description: text('description'),
		/** The notice in English for English readers; null = only the French `title`/`description`. */
		titleEn: text('title_en'),
		descriptionEn: text('description_en'),
		startAt: timestamp('start_at', { withTimezone: true }).notNull(),
		endAt: timestamp('end_at', { withTimezone: true }).notNull(),
		/** When the current window was published (or last moved); null while a draft. */
		announcedAt: timestamp('announced_at', { withTimezone: true }),
		/** The client's decision where the contract requires its agreement (000 §1.4): approved | refused. */
		approval: text('approval'),
		approvalAt: timestamp('approval_at', { withTimezone: true }),
		approvalBy: uuid('approval_by').references(() => user.id, { onDelete: 'set null' }),
		approvalComment: text('approval_comment'),
		cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
		cancelReason: text('cancel_reason'),
		/** iCal SEQUENCE: bumped by a trigger on every update of the row (drizzle/…_feeds_triggers.sql). */
		sequence: integer('sequence').notNull().default(0),
		/** Occurrences of one recurring announcement share it (RFC 5545 RRULE in `recurrence`). */
		seriesId: uuid('series_id'),
		recurrence: text('recurrence'),
		/**
		 * The end as announced before staff extended the running window; the overrun
		 * [planned_end_at, end_at) is measured on its own, from `extended_at` (maintenance/extension.ts).
		 */
		plannedEndAt: timestamp('planned_end_at', { withTimezone: true }),
		extendedAt: timestamp('extended_at', { withTimezone: true }),
		/** Markers of the boundary job (maintenance/jobs.ts): each mail goes once. */
		remindedAt: timestamp('reminded_at', { withTimezone: true }),
		startedNotifiedAt: timestamp('started_notified_at', { withTimezone: true }),
		endedNotifiedAt: timestamp('ended_notified_at', { withTimezone: true }),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('maintenance_client_start_idx').on(t.clientId, t.startAt),
		index('maintenance_series_idx').on(t.seriesId),
		index('maintenance_pending_boundary_idx')
			.on(t.startAt)
			.where(sql`${t.state} = 'published' and ${t.endedNotifiedAt} is null`),
		check('maintenance_kind_check', sql`${t.kind} in ('planned', 'network')`),
		check('maintenance_state_check', sql`${t.state} in ('draft', 'published', 'cancelled')`),
		check('maintenance_approval_check', sql`${t.approval} in ('approved', 'refused')`),
		check(
			'maintenance_published_announced_check',
			sql`${t.state} = 'draft' or ${t.announcedAt} is not null`
		)
	]
);

export const maintenanceComponent = pgTable(
	'maintenance_component',
	{
		maintenanceId: uuid('maintenance_id')
			.notNull()
			.references(() => maintenance.id, { onDelete: 'cascade' }),
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.maintenanceId, t.componentId] })]
);
