/**
 * The restoration-time guarantee over incident reports (001 §5.2–5.3): the penalty of one report
 * and of a month, from the rules in ./credits. Pure: no DB, no clock.
 */
import type { ContractSettings } from '../contracts/settings';
import type {
	IncidentCause,
	IncidentQualification,
	IncidentSeverity
} from '../../domain/incidents';
import { creditAmountCents, gtrMonthPercent, gtrPenaltyPercent } from './credits';

/** What the guarantee reads of an incident report. */
export interface GtrReport {
	number: string;
	severity: IncidentSeverity;
	reportedAt: Date;
	resolvedAt: Date | null;
	qualification: IncidentQualification | null;
	cause: IncidentCause | null;
}

export interface IncidentGtr {
	restoreBy: string;
	/** Minutes past the guarantee (0 when in time), up to the restoration or, while unresolved, now. */
	lateMinutes: number;
	percent: number;
	amountCents: number;
	running: boolean;
	/** Not confirmed, or not the provider's doing: no penalty is owed. */
	excused: boolean;
}

/** A report the provider is answerable for: not refuted, and not caused by someone else. */
export function gtrApplies(row: Pick<GtrReport, 'qualification' | 'cause'>): boolean {
	return row.qualification !== 'not_confirmed' && (!row.cause || row.cause === 'provider');
}

/**
 * The restoration-time guarantee (001 §5.2–5.3): from the client's report to the restoration,
 * on the calendar clock; late restorations owe a share of the monthly fee.
 */
export function incidentGtr(
	row: GtrReport,
	settings: ContractSettings,
	monthlyFeeCents: number,
	now: Date
): IncidentGtr | null {
	const gtr = settings.sla.gtr;
	if (!gtr || !gtr.severities.includes(row.severity)) return null;
	const restoredAt = row.resolvedAt ?? now;
	const restoreBy = new Date(row.reportedAt.getTime() + gtr.restoreWithinMinutes * 60_000);
	const excused = !gtrApplies(row);
	const percent = excused ? 0 : gtrPenaltyPercent(row.reportedAt, restoredAt, gtr);
	return {
		restoreBy: restoreBy.toISOString(),
		lateMinutes: Math.max(0, Math.round((restoredAt.getTime() - restoreBy.getTime()) / 60_000)),
		percent,
		amountCents: creditAmountCents(monthlyFeeCents, percent),
		running: !row.resolvedAt,
		excused
	};
}

/** A month's GTR penalties: every report restored in it, capped at the monthly fee (001 §5.2). */
export function monthGtr(rows: GtrReport[], settings: ContractSettings, monthlyFeeCents: number) {
	const gtr = settings.sla.gtr;
	if (!gtr) return null;
	const items = rows
		.filter((r) => r.resolvedAt && gtr.severities.includes(r.severity))
		.map((r) => ({
			number: r.number,
			percent: gtrApplies(r) ? gtrPenaltyPercent(r.reportedAt, r.resolvedAt!, gtr) : 0
		}))
		.filter((i) => i.percent > 0);
	const percent = gtrMonthPercent(
		items.map((i) => i.percent),
		gtr
	);
	return { incidents: items, percent, amountCents: creditAmountCents(monthlyFeeCents, percent) };
}
