import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { user } from './auth';
import { client, component } from './tenancy';
import {
	INCIDENT_SEVERITIES,
	INCIDENT_STATUSES,
	INCIDENT_SOURCES,
	INCIDENT_QUALIFICATIONS,
	INCIDENT_CAUSES,
	INCIDENT_UPDATE_KINDS,
	type IncidentSeverity,
	type IncidentStatus,
	type IncidentSource,
	type IncidentQualification,
	type IncidentCause,
	type IncidentUpdateKind
} from '../../../domain/incidents';
export {
	INCIDENT_SEVERITIES,
	INCIDENT_STATUSES,
	INCIDENT_SOURCES,
	INCIDENT_QUALIFICATIONS,
	INCIDENT_CAUSES,
	INCIDENT_UPDATE_KINDS,
	type IncidentSeverity,
	type IncidentStatus,
	type IncidentSource,
	type IncidentQualification,
	type IncidentCause,
	type IncidentUpdateKind
};

/** A signalement (000 §2): its number identifies it in every exchange until closure (002 art. 4.2). */
export const incident = pgTable(
	'incident',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		number: text('number').notNull().unique(),
		year: integer('year').notNull(),
		sequence: integer('sequence').notNull(),
		severity: text('severity').$type<IncidentSeverity>().notNull(),
		title: text('title').notNull(),
		description: text('description').notNull(),
		source: text('source').$type<IncidentSource>().notNull(),
		reporterUserId: uuid('reporter_user_id').references(() => user.id, { onDelete: 'set null' }),
		reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
		status: text('status').$type<IncidentStatus>().notNull().default('open'),
		acknowledgeBy: timestamp('acknowledge_by', { withTimezone: true }).notNull(),
		resolveBy: timestamp('resolve_by', { withTimezone: true }).notNull(),
		acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
		/** Last computed deadline states; a change is pushed live (on_track | at_risk | met | breached). */
		acknowledgeState: text('acknowledge_state').notNull().default('on_track'),
		resolveState: text('resolve_state').notNull().default('on_track'),
		estimatedNature: text('estimated_nature'),
		estimatedResolution: text('estimated_resolution'),
		qualification: text('qualification').$type<IncidentQualification>(),
		cause: text('cause').$type<IncidentCause>(),
		resolvedAt: timestamp('resolved_at', { withTimezone: true }),
		resolutionSummary: text('resolution_summary'),
		closedAt: timestamp('closed_at', { withTimezone: true }),
		/** The component whose outage opened it (source monitoring): one open incident per outage. */
		monitoringComponentId: uuid('monitoring_component_id').references(() => component.id, {
			onDelete: 'set null'
		}),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('incident_year_sequence_idx').on(t.year, t.sequence),
		index('incident_client_reported_idx').on(t.clientId, t.reportedAt),
		index('incident_open_deadline_idx').on(t.status, t.resolveBy),
		uniqueIndex('incident_monitoring_open_idx')
			.on(t.monitoringComponentId)
			.where(
				sql`${t.status} in ('open', 'acknowledged') and ${t.monitoringComponentId} is not null`
			)
	]
);

export const incidentComponent = pgTable(
	'incident_component',
	{
		incidentId: uuid('incident_id')
			.notNull()
			.references(() => incident.id, { onDelete: 'cascade' }),
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.incidentId, t.componentId] })]
);

/** The incident's timeline; `internal` entries (staff notes) never reach the client. */
export const incidentUpdate = pgTable(
	'incident_update',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		incidentId: uuid('incident_id')
			.notNull()
			.references(() => incident.id, { onDelete: 'cascade' }),
		at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
		authorUserId: uuid('author_user_id').references(() => user.id, { onDelete: 'set null' }),
		kind: text('kind').$type<IncidentUpdateKind>().notNull(),
		message: text('message'),
		internal: boolean('internal').notNull().default(false),
		data: jsonb('data').$type<Record<string, unknown>>()
	},
	(t) => [index('incident_update_incident_idx').on(t.incidentId, t.at)]
);

/** One row per year: the row lock makes numbering gap-free and unique under concurrent filings. */
export const incidentCounter = pgTable('incident_counter', {
	year: integer('year').primaryKey(),
	last: integer('last').notNull()
});

export type Incident = typeof incident.$inferSelect;
export type IncidentUpdate = typeof incidentUpdate.$inferSelect;
