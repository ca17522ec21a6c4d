/** What a restore brings back (003 art. 5: a single file is "simple"; folders, a database, a server are "heavy"). */
export const RESTORE_SCOPES = ['server', 'database', 'folder', 'file'] as const;
export type RestoreScope = (typeof RESTORE_SCOPES)[number];

/**
 * filed → accepted (no quote needed) or quoted → quote_approved | quote_refused;
 * accepted / quote_approved → scheduled → in_progress → completed | failed;
 * the client may cancel until work starts (filed, quoted, accepted, quote_approved, scheduled).
 */
export const RESTORE_STATUSES = [
	'filed',
	'quoted',
	'quote_approved',
	'quote_refused',
	'accepted',
	'scheduled',
	'in_progress',
	'completed',
	'failed',
	'cancelled'
] as const;
export type RestoreStatus = (typeof RESTORE_STATUSES)[number];

/** The steps of the workflow, as named in the API (`POST …/restores/{number}/{step}`). */
export const STAFF_RESTORE_STEPS = [
	'accept',
	'quote',
	'schedule',
	'progress',
	'complete',
	'fail'
] as const;
export const CLIENT_RESTORE_STEPS = ['approve-quote', 'refuse-quote', 'cancel'] as const;
export type StaffRestoreStep = (typeof STAFF_RESTORE_STEPS)[number];
export type ClientRestoreStep = (typeof CLIENT_RESTORE_STEPS)[number];
export type RestoreStep = StaffRestoreStep | ClientRestoreStep;

export const RESTORE_UPDATE_KINDS = [
	'filed',
	...STAFF_RESTORE_STEPS,
	...CLIENT_RESTORE_STEPS
] as const;
export type RestoreUpdateKind = (typeof RESTORE_UPDATE_KINDS)[number];

/** A restore's deadline: none where the contract is silent or while a quote awaits approval. */
export const RESTORE_DEADLINE_STATES = ['on_track', 'at_risk', 'met', 'breached'] as const;
export type RestoreDeadlineState = (typeof RESTORE_DEADLINE_STATES)[number];
