import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { numberFormat } from '$lib/intl';
import type { ContractSettings } from './types';

/** A percentage as the reader writes numbers: "99,9" in French, "99.9" in English. */
export const percentText = (value: number) =>
	numberFormat(getLocale(), { maximumFractionDigits: 3 }).format(value);

const PRESET_TITLES: Record<string, () => string> = {
	softconcept: m.preset_softconcept,
	alteo: m.preset_alteo,
	axantis: m.preset_axantis
};
/** The contract's name for people; the preset key stays internal. */
export const presetTitle = (preset: string) => (PRESET_TITLES[preset] ?? (() => preset))();

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
				percent: percentText(credit.percentPerSlice),
				minutes: credit.sliceMinutes,
				cap: percentText(credit.capPercent)
			});
		case 'tiers':
			return m.credit_tiers({
				tiers: credit.tiers
					.map((t) => `< ${percentText(t.belowPercent)} % → ${percentText(t.percent)} %`)
					.join(' ; '),
				cap: percentText(credit.capPercent)
			});
		case 'outage_pro_rata':
			return m.credit_pro_rata({ minutes: credit.minOutageMinutes });
		default:
			return m.credit_none();
	}
}
