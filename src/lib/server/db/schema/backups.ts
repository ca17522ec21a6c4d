import { sql } from 'drizzle-orm';
import {
	bigint,
	check,
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
import type {
	BackupCopy,
	BackupFlagEntry,
	BackupKind,
	BackupScope,
	BackupStatus,
	ExpectationState,
	RestoreTestResult
} from '../../../domain/backups';

/**
 * The provider's Ed25519 report-signing keys (002 art. 7.2 « clé d'authentification »). `id` is the
 * public key's SHA-256 fingerprint (hex, 16 chars); `private_key_pem` is null for a key given by
 * BACKUP_SIGNING_KEY (kept out of the database, its public half recorded so old reports verify).
 */
export const signingKey = pgTable('signing_key', {
	id: text('id').primaryKey(),
	publicKeyPem: text('public_key_pem').notNull(),
	privateKeyPem: text('private_key_pem'),
	createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
});

/** One backup run of one machine, as reported by the backup agent, and its signed reception report. */
export const backup = pgTable(
	'backup',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' }),
		/** The agent's own id of the run: ingestion is idempotent on it. */
		externalId: text('external_id').notNull(),
		kind: text('kind').$type<BackupKind>().notNull(),
		scope: text('scope').$type<BackupScope>(),
		startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
		finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
		status: text('status').$type<BackupStatus>().notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		changedBytes: bigint('changed_bytes', { mode: 'number' }),
		copies: jsonb('copies').$type<BackupCopy[]>().notNull().default([]),
		fileCount: integer('file_count').notNull(),
		/** Sum of the manifest's file sizes. */
		totalBytes: bigint('total_bytes', { mode: 'number' }).notNull(),
		/** SHA-256 (hex) of the canonical report; the key below signs it. */
		reportSha256: text('report_sha256').notNull(),
		/** Ed25519 signature over the report's SHA-256, base64url (002 art. 7.2). */
		authenticationKey: text('authentication_key').notNull(),
		signingKeyId: text('signing_key_id')
			.notNull()
			.references(() => signingKey.id),
		receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
		/** When the reception report mail was queued (002 art. 7.2: within receptionReportWithinHours). */
		receptionMailQueuedAt: timestamp('reception_mail_queued_at', { withTimezone: true }),
		/** Policy flags with their clause, computed at ingestion (backups/policy.ts). */
		flags: jsonb('flags').$type<BackupFlagEntry[]>().notNull().default([])
	},
	(t) => [
		uniqueIndex('backup_client_external_idx').on(t.clientId, t.externalId),
		index('backup_client_started_idx').on(t.clientId, t.startedAt),
		index('backup_component_started_idx').on(t.componentId, t.startedAt),
		check('backup_kind_check', sql`${t.kind} in ('full', 'data_full', 'incremental')`),
		check('backup_scope_check', sql`${t.scope} in ('system', 'databases', 'files')`),
		check('backup_status_check', sql`${t.status} in ('succeeded', 'failed', 'partial')`),
		check('backup_times_check', sql`${t.finishedAt} >= ${t.startedAt}`),
		check(
			'backup_sizes_check',
			sql`${t.sizeBytes} >= 0 and ${t.totalBytes} >= 0 and coalesce(${t.changedBytes}, 0) >= 0`
		)
	]
);

/**
 * The manifest: each file of a backup (002 art. 7.2: name, last-modified date, size in bytes).
 * `backup_id` has no foreign key: its check, one per row, doubled the time to store 100,000 files.
 * Only ingestion writes these rows, in the transaction that inserts the backup; the trigger
 * `backup_file_cascade` (migration 0022) deletes them with their backup.
 */
export const backupFile = pgTable(
	'backup_file',
	{
		backupId: uuid('backup_id').notNull(),
		/** 0-based position in the manifest as sent: pages are ordinal ranges. */
		ordinal: integer('ordinal').notNull(),
		path: text('path').notNull(),
		modifiedAt: timestamp('modified_at', { withTimezone: true }).notNull(),
		sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
		sha256: text('sha256')
	},
	(t) => [primaryKey({ columns: [t.backupId, t.ordinal] })]
);

/**
 * Each backup's paths once more as one value, for the search (backups/manifest-cache.ts): one fetch
 * where the rows are 100,000. Written with the rows, lower-cased, each path followed by `separator`
 * (a character none of them holds); stored uncompressed (migration 0023): pglz cost more to write
 * than it saved to read.
 */
export const backupManifest = pgTable('backup_manifest', {
	backupId: uuid('backup_id')
		.primaryKey()
		.references(() => backup.id, { onDelete: 'cascade' }),
	separator: text('separator').notNull(),
	paths: text('paths').notNull()
});

/**
 * Expected backup slots per machine and schedule (backups/expected.ts): the state the detection job
 * keeps so that `missing` is said once, and `late` or `received` when a backup fills the slot.
 */
export const backupExpectation = pgTable(
	'backup_expectation',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		componentId: uuid('component_id')
			.notNull()
			.references(() => component.id, { onDelete: 'cascade' }),
		/** The schedule's identity: kind/frequency/scope (e.g. 'incremental/daily/*'). */
		scheduleKey: text('schedule_key').notNull(),
		/** The scheduled time (or the end of the period when the contract gives no time). */
		dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
		/** dueAt + grace: past it without a backup, the slot is missing. */
		deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
		/** Start of the slot: a backup started from here on fills it. */
		windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
		state: text('state').$type<ExpectationState>().notNull().default('pending'),
		backupId: uuid('backup_id').references(() => backup.id, { onDelete: 'set null' }),
		/** When the missing mail was queued: once per slot. */
		notifiedAt: timestamp('notified_at', { withTimezone: true }),
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		uniqueIndex('backup_expectation_slot_idx').on(t.componentId, t.scheduleKey, t.dueAt),
		index('backup_expectation_client_due_idx').on(t.clientId, t.dueAt),
		check(
			'backup_expectation_state_check',
			sql`${t.state} in ('pending', 'received', 'late', 'missing')`
		)
	]
);

/** The provider's own restore tests (000 §1.8 « tests de restauration … de manière régulière »). */
export const restoreTest = pgTable(
	'restore_test',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		componentId: uuid('component_id').references(() => component.id, { onDelete: 'set null' }),
		testedAt: timestamp('tested_at', { withTimezone: true }).notNull(),
		result: text('result').$type<RestoreTestResult>().notNull(),
		note: text('note').notNull().default(''),
		recordedBy: uuid('recorded_by').references(() => user.id, { onDelete: 'set null' }),
		createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow()
	},
	(t) => [
		index('restore_test_client_tested_idx').on(t.clientId, t.testedAt),
		check('restore_test_result_check', sql`${t.result} in ('succeeded', 'failed', 'partial')`)
	]
);

export type Backup = typeof backup.$inferSelect;
export type BackupFile = typeof backupFile.$inferSelect;
export type BackupExpectation = typeof backupExpectation.$inferSelect;
export type RestoreTest = typeof restoreTest.$inferSelect;
export type SigningKey = typeof signingKey.$inferSelect;
