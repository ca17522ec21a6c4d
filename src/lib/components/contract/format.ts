import { m } from '$lib/paraglide/messages';
import type { ContractSettings } from './types';

type Duration = { amount: number; unit: 'minutes' | 'hours' | 'days' };

export function durationText(d: Duration): string {
	if (d.unit === 'minutes') return m.duration_minutes({ count: d.amount });
	if (d.unit === 'hours') return m.duration_hours({ count: d.amount });
	return m.duration_days({ count: d.amount });
}

export function holidaysText(calendar: string): string {
	if (calendar === 'fr') return m.holidays_fr();
	if (calendar === 'fr-alsace-moselle') return m.holidays_fr_am();
	return m.holidays_none();
}

const SEVERITY: Record<string, () => string> = {
	critical: m.severity_critical,
	major: m.severity_major,
	minor: m.severity_minor,
	information_request: m.severity_information_request
};
export const severityLabel = (s: string) => (SEVERITY[s] ?? (() => s))();

export function creditText(credit: ContractSettings['sla']['credit']): string {
	switch (credit.mode) {
		case 'slices':
			return m.credit_slices({
				percent: String(credit.percentPerSlice),
				minutes: credit.sliceMinutes,
				cap: String(credit.capPercent)
			});
		case 'tiers':
			return m.credit_tiers({
				tiers: credit.tiers.map((t) => `< ${t.belowPercent} % → ${t.percent} %`).join(' ; '),
				cap: String(credit.capPercent)
			});
		case 'outage_pro_rata':
			return m.credit_pro_rata({ minutes: credit.minOutageMinutes });
		default:
			return m.credit_none();
	}
}
