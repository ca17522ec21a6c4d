/** Backups and restore tests (000 §1.8, 001 §4.5, 002 art. 5–7, 003 art. 3–5, 004 art. 3.5). */

/** full = system + data; data_full = all data; incremental = changes since the last backup. */
export const BACKUP_KINDS = ['full', 'data_full', 'incremental'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** system = the machine's system state; databases; files. No scope = the whole machine. */
export const BACKUP_SCOPES = ['system', 'databases', 'files'] as const;
export type BackupScope = (typeof BACKUP_SCOPES)[number];

export const BACKUP_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type BackupFrequency = (typeof BACKUP_FREQUENCIES)[number];

/** What the backup agent reports about one run. */
export const BACKUP_STATUSES = ['succeeded', 'failed', 'partial'] as const;
export type BackupStatus = (typeof BACKUP_STATUSES)[number];

/**
 * Flags a stored backup can carry, each from a clause: late (arrived after the grace), change over
 * the sizing (003 art. 4.05), a copy outside the allowed countries (003 art. 3), fewer off-site
 * copies than promised (000 §1.8, 004 art. 3.5).
 */
export const BACKUP_FLAGS = ['late', 'change_over_limit', 'location', 'site_count'] as const;
export type BackupFlag = (typeof BACKUP_FLAGS)[number];

/** One flag as stored on a backup: the rule, its clause and the figures behind it. */
export interface BackupFlagEntry {
	flag: BackupFlag;
	clause: string;
	detail: Record<string, string | number>;
}

/** Where one copy of a backup is kept. */
export interface BackupCopy {
	site: string;
	/** ISO 3166-1 alpha-2, upper case. */
	country: string;
}

/**
 * An expected backup slot: pending until its deadline (scheduled time + grace), then missing;
 * received (in time) or late when a matching backup arrives.
 */
export const EXPECTATION_STATES = ['pending', 'received', 'late', 'missing'] as const;
export type ExpectationState = (typeof EXPECTATION_STATES)[number];

export const RESTORE_TEST_RESULTS = ['succeeded', 'failed', 'partial'] as const;
export type RestoreTestResult = (typeof RESTORE_TEST_RESULTS)[number];

/** Ingestion limits (issue 12, "Bad input"). */
export const MAX_BACKUP_FILES = 100_000;
export const MAX_BACKUP_PATH_BYTES = 4096;
