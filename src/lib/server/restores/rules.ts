/**
 * Restore requests' contract rules (000 §1.8, 001 §4.5, 002 art. 7.3, 003 art. 5): what a request
 * commits the provider to, and when. Pure: no database, no SvelteKit.
 */
import { supportCalendar, type BusinessCalendar } from '../calendar/business-calendar';
import type { ContractSettings } from '../contracts/settings';
import { deadlineAfter, deadlineState } from '../incidents/deadlines';
import type { RestoreDeadlineState, RestoreScope, RestoreStatus } from '../../domain/restores';

/** Whether a per-scope rule applies: `heavy` is anything but a single file (003 art. 5). */
export type RestoreApplies = 'never' | 'heavy' | 'always';
export const appliesTo = (rule: RestoreApplies, scope: RestoreScope) =>
	rule === 'always' || (rule === 'heavy' && scope !== 'file');

/** A contract's restore terms, as the request needs them (built by `restorePolicy`). */
export interface RestorePolicy {
	/** 000 §1.8: one of the last incrementals within this many hours; null = no contractual deadline. */
	incrementalWithinHours: number | null;
	/** How many of a machine's latest incrementals that deadline covers (000 §1.8: five); null = all. */
	incrementalLastN: number | null;
	/** 000 §1.8: a full restore within this many hours; null = no contractual deadline. */
	fullWithinHours: number | null;
	clock: 'business' | 'calendar';
	/** The support hours a business clock runs in. */
	support: BusinessCalendar;
	/** 000 §1.8 "avec arrêt du serveur pendant l'opération". */
	stopsServer: boolean;
	/** 001 §4.5, 003 art. 5: which restores are billed on top of the contract. */
	billable: RestoreApplies;
	/** 003 art. 5: which restores are planned on a quote the client approves. */
	quoteRequired: RestoreApplies;
	/** Share of the allowed time after which a running deadline is shown at risk. */
	atRiskPercent: number;
}

/** The restore terms of a contract's settings (the `restores` group; at-risk as for incidents). */
export function restorePolicy(settings: ContractSettings): RestorePolicy {
	const r = settings.restores;
	return {
		incrementalWithinHours: r.incrementalWithinHours,
		incrementalLastN: r.incrementalLastN,
		fullWithinHours: r.fullWithinHours,
		clock: r.clock,
		support: supportCalendar(settings.support),
		stopsServer: r.stopsServer,
		billable: r.billable,
		quoteRequired: r.quoteRequired,
		atRiskPercent: settings.incidents.atRiskPercent
	};
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
		!full &&
		point.incrementalRank !== null &&
		point.incrementalRank <= (policy.incrementalLastN ?? Infinity);
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
		billable: appliesTo(policy.billable, scope),
		// A quote is a price: a restore the contract does not bill has none to approve.
		needsQuote: appliesTo(policy.billable, scope) && appliesTo(policy.quoteRequired, scope)
	};
}

/**
 * The clock runs from the request, or from the quote's approval when a quote is
 * needed (no approval yet: no deadline yet).
 */
export function restoreClockStart(
	terms: Pick<RestoreTerms, 'needsQuote'>,
	requestedAt: Date,
	quoteApprovedAt: Date | null
): Date | null {
	return terms.needsQuote ? quoteApprovedAt : requestedAt;
}

/** Hours on the contract's clock: elapsed time, or open support hours (a start while closed waits). */
export function restoreDueBy(
	policy: Pick<RestorePolicy, 'clock' | 'support'>,
	withinHours: number | null,
	clockStart: Date | null
): Date | null {
	if (withinHours === null || clockStart === null) return null;
	return deadlineAfter(
		clockStart,
		{ amount: withinHours, unit: 'hours' },
		policy.clock,
		policy.support
	);
}

const ENDED_UNRESTORED: readonly RestoreStatus[] = ['cancelled', 'quote_refused'];

/**
 * On track / at risk / met / breached as incident deadlines are (at risk: share of open time
 * used on the business clock); null without a deadline or for
 * a request that ended without a restore owed (cancelled, quote refused). A failed restore
 * did not restore: its deadline is breached.
 */
export function restoreDeadlineState(input: {
	policy: Pick<RestorePolicy, 'clock' | 'support' | 'atRiskPercent'>;
	status: RestoreStatus;
	clockStart: Date | null;
	dueBy: Date | null;
	completedAt: Date | null;
	now: Date;
}): RestoreDeadlineState | null {
	const { status, clockStart, dueBy } = input;
	if (!dueBy || !clockStart || ENDED_UNRESTORED.includes(status)) return null;
	if (status === 'failed') return 'breached';
	return deadlineState({
		start: clockStart,
		deadline: dueBy,
		doneAt: status === 'completed' ? input.completedAt : null,
		now: input.now,
		clock: input.policy.clock,
		support: input.policy.support,
		atRiskPercent: input.policy.atRiskPercent
	});
}

/** `RST-<year>-<5 digits>`, the number both sides name the request by. */
export function restoreNumber(year: number, sequence: number): string {
	return `RST-${year}-${String(sequence).padStart(5, '0')}`;
}
