import type { RequestContext } from '../context';
import { can } from '../policy';
import { listComponents } from '../components/service';
import type { CreditBasis } from '../../domain/sla';
import { creditOwed } from './credit-owed';
import { listCreditRequests } from './credit-requests';
import { currentMonth, getSlaHistory, getSlaReport, slaFirstMonth } from './service';
import { slaSourceDetails } from './sources';

/** Staff admins may preview a recomputation; for anyone else the flag is ignored, never refused. */
export function wantsRecompute(ctx: RequestContext, url: URL): boolean {
	return url.searchParams.get('recompute') === '1' && can(ctx, 'sla.recompute');
}

/**
 * Everything the SLA report page shows for one month: the report with the titles
 * and notes behind its exclusions, the 12-month history, credit requests and component names.
 */
export async function loadSlaPage(
	ctx: RequestContext,
	slug: string,
	month: string | null,
	options: { recompute?: boolean } = {}
) {
	const sla = await getSlaReport(ctx, slug, month, options);
	const stored = options.recompute ? await getSlaReport(ctx, slug, sla.month) : null;
	const { report } = sla;
	const own = sla.monthly?.report;
	const [history, requests, sources, components, firstMonth] = await Promise.all([
		getSlaHistory(ctx, slug, sla.month),
		listCreditRequests(ctx, slug),
		slaSourceDetails(ctx, slug, [
			...report.exclusions,
			...report.ignored,
			...(own ? [...own.exclusions, ...own.ignored] : [])
		]),
		listComponents(ctx, slug),
		slaFirstMonth(ctx, slug)
	]);
	const mayAsk = can(ctx, 'credit.request');
	const askable = (basis: CreditBasis) => {
		const owed = creditOwed(sla, basis);
		return (
			mayAsk &&
			owed !== null &&
			!requests.some((r) => r.basis === basis && r.period === owed.period && r.status !== 'refused')
		);
	};
	return {
		sla,
		stored:
			stored && stored.frozen
				? { availability: stored.report.availability, frozenAt: stored.frozenAt }
				: null,
		currentMonth: currentMonth(report.timeZone),
		firstMonth,
		history,
		requests,
		sources,
		componentNames: Object.fromEntries(components.map((c) => [c.key, c.name])),
		canRequestCredit: askable('availability'),
		canRequestGtr: askable('gtr')
	};
}

export type SlaPageData = Awaited<ReturnType<typeof loadSlaPage>>;
