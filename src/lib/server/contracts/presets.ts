/**
 * The five contract presets: the hosting contracts (presets-hosting.ts: 000 Soft Concept, 001
 * Alteo, 004 Axantis) and the backup contracts (presets-backup.ts: 002 DEFI Informatique, 003
 * Do'BaaS). Every value the contract does not give is marked "silent:" with the reason.
 */
import type { ContractSettings } from './settings-schema';
import { defi, dobaas } from './presets-backup';
import { alteo, axantis, softconcept } from './presets-hosting';

export const PRESET_NAMES = ['softconcept', 'alteo', 'axantis', 'defi', 'dobaas'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

function deepFreeze<T>(x: T): T {
	if (x && typeof x === 'object') {
		for (const v of Object.values(x)) deepFreeze(v);
		Object.freeze(x);
	}
	return x;
}

/** Frozen: resolveContractSettings copies before merging; never mutate a preset. */
export const PRESETS: Record<PresetName, ContractSettings> = deepFreeze({
	softconcept,
	alteo,
	axantis,
	defi,
	dobaas
});
