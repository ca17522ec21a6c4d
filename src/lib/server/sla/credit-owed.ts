/**
 * What a client may ask an avoir for (001 §5.1 availability credits, §5.2 GTR penalties), read
 * from the figures of the report page. Pure: the services decide with it, the pages show it.
 */
import type { CreditBasis } from '../../domain/sla';

interface PeriodFigures {
	period: { complete: boolean };
	credit: { percent: number; amountCents: number };
	gtr: { percent: number; amountCents: number } | null;
}

export interface ReportFigures {
	month: string;
	periodKey: string;
	beforeCommissioning: boolean;
	report: PeriodFigures;
	monthly: { report: PeriodFigures } | null;
}

export interface CreditOwed {
	basis: CreditBasis;
	/** The contract's period for an availability credit; always the calendar month for GTR. */
	period: string;
	percent: number;
	amountCents: number;
}

/**
 * The availability credit once the contract's period is complete and the credit rule owes one
 * (a missed target, or 000 §1.6's outage over 4 h even in a met month); the month's GTR
 * penalties (capped, 001 §5.2) once the calendar month is complete. Null when nothing is owed.
 */
export function creditOwed(figures: ReportFigures, basis: CreditBasis): CreditOwed | null {
	if (figures.beforeCommissioning) return null;
	if (basis === 'availability') {
		const { report } = figures;
		// No `met` test: 000 §1.6 owes an outage over 4 h whatever the month's availability.
		if (!report.period.complete || report.credit.amountCents <= 0) return null;
		return { basis, period: figures.periodKey, ...amounts(report.credit) };
	}
	const month = figures.monthly?.report ?? figures.report;
	if (!month.period.complete || !month.gtr || month.gtr.amountCents <= 0) return null;
	return { basis, period: figures.month, ...amounts(month.gtr) };
}

const amounts = ({ percent, amountCents }: { percent: number; amountCents: number }) => ({
	percent,
	amountCents
});
