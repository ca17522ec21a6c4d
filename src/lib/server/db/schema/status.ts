import { sql } from 'drizzle-orm';
import {
	bigserial,
	boolean,
	date,
	doublePrecision,
	index,
	integer,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { component } from './tenancy';
import {
	SAMPLE_STATUSES,
	INTERVAL_STATUSES,
	PROBE_KINDS,
	ROLLUP_RESOLUTIONS,
	type SampleStatus,
	type IntervalStatus,
	type ProbeKind,
	type RollupResolution
} from '../../../domain/status';
export {
	SAMPLE_STATUSES,
	INTERVAL_STATUSES,
	PROBE_KINDS,
	ROLLUP_RESOLUTIONS,
	type SampleStatus,
	type IntervalStatus,
	type ProbeKind,
	type RollupResolution
};

/** A built-in check run by the app's scheduler; `next_run_at` is claimed with SKIP LOCKED. */
export const probe = pgTable(
	'probe',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		componentId: uuid('component_id')
			.notNull()
			.unique()
			.references(() => component.id, { onDelete: 'cascade' }),
		kind: text('kind').$type<ProbeKind>().notNull(),
		target: text('target').notNull(),
		port: integer('port'),
		method: text('method').notNull().default('GET'),
		expectedStatusMin: integer('expected_status_min').notNull().default(200),
		expectedStatusMax: integer('expected_status_max').notNull().default(299),
		keyword: text('keyword'),
		timeoutMs: integer('timeout_ms').notNull().default(5000),
		intervalSeconds: integer('interval_seconds').notNull().default(60),
		failuresBeforeDown: integer('failures_before_down').notNull().default(3),
		degradedAboveMs: integer('degraded_above_ms'),
		enabled: boolean('enabled').notNull().default(true),
		nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull().defaultNow(),
		consecutiveFailures: integer('consecutive_failures').notNull().default(0),
		lastStatus: text('last_status').$type<SampleStatus>(),
		lastRunAt: timestamp('last_run_at', { withTimezone: true }),
		lastError: text('last_error'),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('probe_due_idx')
			.on(t.nextRunAt)
			.where(sql`${t.enabled}`)
	]
);

/**
 * Raw samples, idempotent on (component, at). The primary key serves per-component range
 * scans; BRIN on `at` serves retention deletes at a fraction of a btree's size. No foreign key:
 * checked row by row it was a third of a batch's insert. Each batch locks its components' rows
 * instead (status/store.ts), and deleting a component deletes its samples (migration 0021).
 */
export const sample = pgTable(
	'sample',
	{
		componentId: uuid('component_id').notNull(),
		at: timestamp('at', { withTimezone: true }).notNull(),
		status: text('status').$type<SampleStatus>().notNull(),
		latencyMs: real('latency_ms'),
		cpuPct: real('cpu_pct'),
		ramPct: real('ram_pct'),
		diskPct: real('disk_pct'),
		netInBps: doublePrecision('net_in_bps'),
		netOutBps: doublePrecision('net_out_bps'),
		load1: real('load1'),
		iowaitPct: real('iowait_pct')
	},
	(t) => [
		primaryKey({ columns: [t.componentId, t.at] }),
		index('sample_at_brin').using('brin', t.at)
	]
);

/** The timeline: one row per state period; `to_at` null for the current one. */
export const statusInterval = pgTable(
	'status_interval',
	{
		id: bigserial('id', { mode: 'number' }).primaryKey(),
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' }),
		status: text('status').$type<IntervalStatus>().notNull(),
		fromAt: timestamp('from_at', { withTimezone: true }).notNull(),
		toAt: timestamp('to_at', { withTimezone: true })
	},
	(t) => [
		index('status_interval_component_from_idx').on(t.componentId, t.fromAt),
		uniqueIndex('status_interval_open_idx')
			.on(t.componentId)
			.where(sql`${t.toAt} is null`)
	]
);

/** Seconds per state for one day in the client's timezone: the 90-day bars read these. */
export const statusDay = pgTable(
	'status_day',
	{
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' }),
		day: date('day', { mode: 'string' }).notNull(),
		upSeconds: integer('up_seconds').notNull().default(0),
		degradedSeconds: integer('degraded_seconds').notNull().default(0),
		downSeconds: integer('down_seconds').notNull().default(0),
		unknownSeconds: integer('unknown_seconds').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.componentId, t.day] })]
);

/** Sums and counts per bucket, so a late sample adds to its bucket without a recount. */
export const metricRollup = pgTable(
	'metric_rollup',
	{
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' }),
		resolution: text('resolution').$type<RollupResolution>().notNull(),
		bucket: timestamp('bucket', { withTimezone: true }).notNull(),
		samples: integer('samples').notNull(),
		upCount: integer('up_count').notNull(),
		degradedCount: integer('degraded_count').notNull(),
		downCount: integer('down_count').notNull(),
		latencySum: doublePrecision('latency_sum').notNull(),
		latencyCount: integer('latency_count').notNull(),
		cpuSum: doublePrecision('cpu_sum').notNull(),
		cpuCount: integer('cpu_count').notNull(),
		ramSum: doublePrecision('ram_sum').notNull(),
		ramCount: integer('ram_count').notNull(),
		diskSum: doublePrecision('disk_sum').notNull(),
		diskCount: integer('disk_count').notNull(),
		netInSum: doublePrecision('net_in_sum').notNull(),
		netInCount: integer('net_in_count').notNull(),
		netOutSum: doublePrecision('net_out_sum').notNull(),
		netOutCount: integer('net_out_count').notNull(),
		loadSum: doublePrecision('load_sum').notNull(),
		loadCount: integer('load_count').notNull(),
		iowaitSum: doublePrecision('iowait_sum').notNull(),
		iowaitCount: integer('iowait_count').notNull()
	},
	(t) => [primaryKey({ columns: [t.componentId, t.resolution, t.bucket] })]
);

export type Probe = typeof probe.$inferSelect;
export type StatusInterval = typeof statusInterval.$inferSelect;
