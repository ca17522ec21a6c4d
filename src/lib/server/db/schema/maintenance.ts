import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { user } from './auth';
import { client, component } from './tenancy';

/** Planned maintenance (000 §1.4, 001 §5.5): excluded from availability when announced in time. */
export const maintenance = pgTable(
	'maintenance',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		title: text('title').notNull(),
		startAt: timestamp('start_at', { withTimezone: true }).notNull(),
		endAt: timestamp('end_at', { withTimezone: true }).notNull(),
		announcedAt: timestamp('announced_at', { withTimezone: true }).notNull(),
		/** Where the contract requires the client's agreement (000 §1.4), when it was given. */
		approvedAt: timestamp('approved_at', { withTimezone: true }),
		approvedBy: uuid('approved_by').references(() => user.id, { onDelete: 'set null' }),
		createdBy: uuid('created_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [index('maintenance_client_start_idx').on(t.clientId, t.startAt)]
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
