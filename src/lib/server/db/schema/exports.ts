import { sql } from 'drizzle-orm';
import {
	bigint,
	index,
	integer,
	pgTable,
	text,
	timestamp,
	uniqueIndex,
	uuid
} from 'drizzle-orm/pg-core';
import { apiToken, user } from './auth';
import { client } from './tenancy';

export const EXPORT_STATUSES = ['queued', 'running', 'ready', 'failed', 'expired'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

/**
 * A full export of a client's data (reversibility: 000 §1.9, 004 art. 10): a ZIP built by a job
 * under the export directory, kept for a week, then its file is deleted and the row kept.
 */
export const clientExport = pgTable(
	'client_export',
	{
		id: uuid('id').primaryKey().defaultRandom(),
		clientId: uuid('client_id')
			.notNull()
			.references(() => client.id, { onDelete: 'cascade' }),
		requestedBy: uuid('requested_by').references(() => user.id, { onDelete: 'set null' }),
		/** An admin token asking on the client's behalf; the job reads with the asker's rights. */
		requestedByToken: uuid('requested_by_token').references(() => apiToken.id, {
			onDelete: 'set null'
		}),
		requestedByName: text('requested_by_name'),
		status: text('status').$type<ExportStatus>().notNull().default('queued'),
		percent: integer('percent').notNull().default(0),
		/** The file being written, e.g. `incidents.csv`. */
		step: text('step'),
		/** Relative to the export directory. */
		filePath: text('file_path'),
		sizeBytes: bigint('size_bytes', { mode: 'number' }),
		sha256: text('sha256'),
		error: text('error'),
		requestedAt: timestamp('requested_at', { withTimezone: true }).notNull().defaultNow(),
		startedAt: timestamp('started_at', { withTimezone: true }),
		finishedAt: timestamp('finished_at', { withTimezone: true }),
		/** Touched by every recorded progress: a running export left untouched long was abandoned. */
		updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp('expires_at', { withTimezone: true })
	},
	(t) => [
		index('client_export_client_idx').on(t.clientId, t.requestedAt),
		index('client_export_status_idx').on(t.status),
		// One export under way per client: a second ask while one runs is a conflict, even in a race.
		uniqueIndex('client_export_one_running_idx')
			.on(t.clientId)
			.where(sql`status in ('queued', 'running')`)
	]
);

export type ClientExport = typeof clientExport.$inferSelect;
