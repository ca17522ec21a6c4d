import { afterEach, describe, expect, it } from 'vitest';
import { overwriteGetLocale } from '$lib/paraglide/runtime';
import { hasSettingWords, settingsIssueInWords } from './issue-text';
import { PRESET_NAMES, resolveContractSettings, type SettingsIssue } from './settings';

function issuesOf(overrides: unknown, preset = 'alteo'): SettingsIssue[] {
	const r = resolveContractSettings(preset, overrides);
	if (r.ok) throw new Error('expected the overrides to be refused');
	return r.issues;
}

const inWords = (overrides: unknown) => issuesOf(overrides).map(settingsIssueInWords);

describe('contract settings issues in words', () => {
	afterEach(() => overwriteGetLocale(() => 'fr'));

	it('names the setting in French and says what is expected, never zod’s English', () => {
		overwriteGetLocale(() => 'fr');
		expect(inWords({ sla: { targetPercent: '99.9' } })).toEqual([
			'Disponibilité › objectif (%) (sla.targetPercent) : un nombre est attendu'
		]);
		expect(inWords({ sla: { targetPercent: 120 } })).toEqual([
			'Disponibilité › objectif (%) (sla.targetPercent) : au plus 100'
		]);
		expect(inWords({ sla: { closeAfterDays: 1.5 } })[0]).toContain('un nombre entier est attendu');
		expect(inWords({ sla: { period: 'week' } })[0]).toContain(
			'valeurs possibles : month, contract_year'
		);
		expect(inWords({ sla: { credit: { mode: 'bogus' } } })[0]).toBe(
			'Disponibilité › avoirs › mode (sla.credit.mode) : valeurs possibles : slices, tiers, outage_pro_rata, none'
		);
		expect(inWords({ sla: { typo: 1 } })).toEqual([
			'Disponibilité › typo (sla.typo) : réglage inconnu (faute de frappe ?)'
		]);
	});

	it('translates the contract rules the schema adds (001 §5.2 penalties, 000 §1.5 hours)', () => {
		overwriteGetLocale(() => 'fr');
		expect(inWords({ sla: { gtr: { penaltiesPercent: [10, 5] } } })[0]).toContain(
			'les pénalités ne peuvent pas baisser quand le retard augmente'
		);
		expect(inWords({ support: { hours: { mon: [['09:00', '08:00']] } } })).toEqual([
			'Support › horaires › lundi › n° 1 (support.hours.mon.0) : le créneau doit commencer avant de finir'
		]);
		expect(inWords({ sla: { gtr: { severities: [] } } })[0]).toContain('au moins 1 élément(s)');
	});

	it('speaks English to an English reader', () => {
		overwriteGetLocale(() => 'en');
		expect(inWords({ sla: { targetPercent: '99.9' } })).toEqual([
			'Availability › target (%) (sla.targetPercent): a number is expected'
		]);
		expect(settingsIssueInWords(issuesOf([])[0])).toBe('Overrides: a JSON object is expected');
	});

	it('words every setting of every preset', () => {
		const unnamed: string[] = [];
		const walk = (value: unknown, path: string[]) => {
			if (Array.isArray(value)) value.forEach((inner, i) => walk(inner, [...path, String(i)]));
			else if (value && typeof value === 'object') {
				for (const [key, inner] of Object.entries(value)) {
					if (!hasSettingWords(key)) unnamed.push([...path, key].join('.'));
					walk(inner, [...path, key]);
				}
			}
		};
		for (const preset of PRESET_NAMES) {
			const r = resolveContractSettings(preset, {});
			if (r.ok) walk(r.settings, []);
		}
		expect(unnamed).toEqual([]);
	});
});
