/**
 * Restore requests' contract rules (000 §1.8, 001 §4.5, 002 art. 7.3, 003 art. 5): what a request
 * commits the provider to, and when. Pure: no database, no SvelteKit.
 */
import { deadlineState } from '../incidents/deadlines';
import type { RestoreDeadlineState, RestoreScope, RestoreStatus } from '../../domain/restores';

/** A contract's restore terms, read from its settings (see `restorePolicy`). */
export interface RestorePolicy {
	/** 000 §1.8: one of the last incrementals within this many hours; null = no contractual deadline. */
	incrementalWithinHours: number | null;
	/** How many of a machine's latest incrementals that deadline covers (000 §1.8: the last five). */
	incrementalsCovered: number;
	/** 000 §1.8: a full restore within this many hours; null = no contractual deadline. */
	fullWithinHours: number | null;
	/** 000 §1.8 "avec arrêt du serveur pendant l'opération". */
	stopsServer: boolean;
	/** 001 §4.5, 003 art. 5: restores are billed on top of the contract. */
	billable: boolean;
	/** 003 art. 5: the heavy restores (folders, a database, a server) are planned on a quote. */
	quoteScopes: readonly RestoreScope[];
	/** Share of the allowed time after which a running deadline is shown at risk. */
	atRiskPercent: number;
}

export type BackupKind = 'full' | 'data_full' | 'incremental';

export interface RestorePoint {
	kind: BackupKind;
	/**
	 * For an incremental: its rank among the machine's succeeded incrementals, newest = 1;
	 * null for other kinds.
	 */
	incrementalRank: number | null;
}

/** What the requester is shown before sending, and what the request records (001 §4.5, 003 art. 5). */
export interface RestoreTerms {
	/** Which clause of 000 §1.8 sets the deadline; null = the contract gives none. */
	basis: 'incremental' | 'full' | null;
	withinHours: number | null;
	stopsServer: boolean;
	billable: boolean;
	needsQuote: boolean;
}

/**
 * 000 §1.8: "l'une des cinq dernières sauvegardes incrémentales … dans un délai de 24 heures"
 * and "la sauvegarde complète … dans un délai de 72 heures". A whole-server restore brings the
 * system back, which only a full backup holds: it is a full restore whatever point is picked.
 * An older incremental than those covered has no contractual deadline.
 */
export function restoreTerms(
	policy: RestorePolicy,
	point: RestorePoint,
	scope: RestoreScope
): RestoreTerms {
	const full = scope === 'server' || point.kind !== 'incremental';
	const covered =
		!full && point.incrementalRank !== null && point.incrementalRank <= policy.incrementalsCovered;
	const basis = full ? 'full' : covered ? 'incremental' : null;
	const withinHours =
		basis === 'full'
			? policy.fullWithinHours
			: basis === 'incremental'
				? policy.incrementalWithinHours
				: null;
	return {
		basis: withinHours === null ? null : basis,
		withinHours,
		// Restoring a whole server stops it under any contract.
		stopsServer: policy.stopsServer || scope === 'server',
		billable: policy.billable,
		needsQuote: policy.billable && policy.quoteScopes.includes(scope)
	};
}

/**
 * The calendar clock runs from the request, or from the quote's approval when a quote is
 * needed (no approval yet: no deadline yet).
 */
export function restoreClockStart(
	terms: Pick<RestoreTerms, 'needsQuote'>,
	requestedAt: Date,
	quoteApprovedAt: Date | null
): Date | null {
	return terms.needsQuote ? quoteApprovedAt : requestedAt;
}

export function restoreDueBy(withinHours: number | null, clockStart: Date | null): Date | null {
	if (withinHours === null || clockStart === null) return null;
	return new Date(clockStart.getTime() + withinHours * 3_600_000);
}

const ENDED_UNRESTORED: readonly RestoreStatus[] = ['cancelled', 'quote_refused'];

/**
 * On track / at risk / met / breached as incident deadlines are; null without a deadline or for
 * a request that ended without a restore owed (cancelled, quote refused). A failed restore
 * did not restore: its deadline is breached.
 */
export function restoreDeadlineState(input: {
	status: RestoreStatus;
	clockStart: Date | null;
	dueBy: Date | null;
	completedAt: Date | null;
	now: Date;
	atRiskPercent: number;
}): RestoreDeadlineState | null {
	const { status, clockStart, dueBy } = input;
	if (!dueBy || !clockStart || ENDED_UNRESTORED.includes(status)) return null;
	if (status === 'failed') return 'breached';
	return deadlineState({
		start: clockStart,
		deadline: dueBy,
		doneAt: status === 'completed' ? input.completedAt : null,
		now: input.now,
		clock: 'calendar',
		support: '24x7',
		atRiskPercent: input.atRiskPercent
	});
}

/** `RST-<year>-<5 digits>`, the number both sides name the request by. */
export function restoreNumber(year: number, sequence: number): string {
	return `RST-${year}-${String(sequence).padStart(5, '0')}`;
}
