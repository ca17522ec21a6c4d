/**
 * A contract's effective settings: one preset + JSON overrides (the `contract` table), deep-merged
 * and validated strictly. The face of contracts/: it hands on the settings' types and schema
 * (./settings-schema.ts, clause by clause in ./README.md), the presets and the schedule types.
 *
 * Pure module: no DB, no SvelteKit. Times are Europe/Paris wall-clock ('HH:MM').
 */
import type { z } from 'zod';
import { PRESETS, PRESET_NAMES, type PresetName } from './presets';
import { contractSettingsSchema, type ContractSettings } from './settings-schema';

export * from './settings-schema';
export { PRESETS, PRESET_NAMES, type PresetName };
export {
	CONTRACT_TIME_ZONE,
	WEEKDAYS,
	HOLIDAY_CALENDARS,
	type Weekday,
	type WeeklySchedule,
	type TimeSlot,
	type HolidayCalendar
} from './schedule';

/** What is wrong with a setting, in data: `./issue-text.ts` puts it in the reader's language. */
export type SettingsProblem =
	| { kind: 'expected'; expected: string }
	| { kind: 'too_small' | 'too_big'; limit: number; inclusive: boolean; items: boolean }
	| { kind: 'one_of'; values: string[] }
	| { kind: 'unknown_setting' }
	| { kind: 'not_an_object' }
	| { kind: 'rule'; rule: string }
	| { kind: 'other' };
export type SettingsIssue = { path: string; message: string; problem: SettingsProblem };
export type ResolveResult =
	{ ok: true; settings: ContractSettings } | { ok: false; issues: SettingsIssue[] };

export function isPresetName(x: unknown): x is PresetName {
	return typeof x === 'string' && (PRESET_NAMES as readonly string[]).includes(x);
}

/** A plain object: `{}` literal or JSON object (not an array, Date, class instance, null). */
export function isPlainObject(x: unknown): x is Record<string, unknown> {
	if (x === null || typeof x !== 'object') return false;
	const proto = Object.getPrototypeOf(x);
	return proto === Object.prototype || proto === null;
}

/**
 * Deep-merges `patch` onto `base` without touching either. Plain objects merge key by key;
 * anything else (arrays, primitives, null) replaces. Two objects whose `mode` differ
 * (discriminated unions: coverage, credit) replace instead of merging, so switching mode does
 * not drag the old variant's fields along. `undefined` in the patch means "unchanged".
 */
export function deepMerge(base: unknown, patch: unknown): unknown {
	if (patch === undefined) return clone(base);
	if (!isPlainObject(base) || !isPlainObject(patch)) return clone(patch);
	if ('mode' in patch && 'mode' in base && patch.mode !== base.mode) return clone(patch);
	const out = clone(base) as Record<string, unknown>;
	for (const key of Object.keys(patch)) {
		// defineProperty: a JSON "__proto__" key stays an own (and thus rejected) key.
		Object.defineProperty(out, key, {
			value: deepMerge(Object.hasOwn(out, key) ? out[key] : undefined, patch[key]),
			enumerable: true,
			writable: true,
			configurable: true
		});
	}
	return out;
}

function clone(x: unknown): unknown {
	if (Array.isArray(x)) return x.map(clone);
	if (!isPlainObject(x)) return x;
	const out: Record<string, unknown> = {};
	for (const key of Object.keys(x)) {
		Object.defineProperty(out, key, {
			value: clone(x[key]),
			enumerable: true,
			writable: true,
			configurable: true
		});
	}
	return out;
}

function dotted(path: readonly PropertyKey[]): string {
	return path.map((p) => String(p)).join('.');
}

function problemOf(issue: z.core.$ZodIssue): SettingsProblem {
	switch (issue.code) {
		case 'invalid_type':
			return { kind: 'expected', expected: issue.expected };
		case 'too_small':
		case 'too_big': {
			const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
			const inclusive = issue.inclusive ?? true;
			return { kind: issue.code, limit, inclusive, items: issue.origin === 'array' };
		}
		case 'invalid_value':
			return { kind: 'one_of', values: issue.values.map(String) };
		case 'invalid_union':
			return 'options' in issue && Array.isArray(issue.options)
				? { kind: 'one_of', values: issue.options.map(String) }
				: { kind: 'other' };
		case 'custom':
			return typeof issue.params?.rule === 'string'
				? { kind: 'rule', rule: issue.params.rule }
				: { kind: 'other' };
		default:
			return { kind: 'other' };
	}
}

/** Zod issues → flat `{ path, message, problem }`; an unknown key gets its own dotted path. */
export function flattenIssues(error: z.ZodError): SettingsIssue[] {
	const issues: SettingsIssue[] = [];
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				issues.push({
					path: dotted([...issue.path, key]),
					message: `unknown setting "${key}"`,
					problem: { kind: 'unknown_setting' }
				});
			}
		} else {
			issues.push({ path: dotted(issue.path), message: issue.message, problem: problemOf(issue) });
		}
	}
	return issues;
}

/** Validates a complete settings object (no preset, no merge). */
export function validateContractSettings(input: unknown): ResolveResult {
	const parsed = contractSettingsSchema.safeParse(input);
	return parsed.success
		? { ok: true, settings: parsed.data }
		: { ok: false, issues: flattenIssues(parsed.error) };
}

/**
 * The effective settings of a contract: `overrides` (a plain object, typically the
 * `contract.overrides` JSON) deep-merged onto the preset, then validated strictly so a typo
 * in an override is an error, never silently ignored.
 */
const resolved = new Map<string, ResolveResult>();
const RESOLVED_KEPT = 1000;

/**
 * Every page and job resolves its client's contract: the validation runs once per distinct
 * (preset, overrides). Results are shared: callers never mutate them.
 */
export function resolveContractSettings(preset: string, overrides: unknown): ResolveResult {
	const key = `${preset}\u0000${JSON.stringify(overrides)}`;
	let result = resolved.get(key);
	if (!result) {
		if (resolved.size >= RESOLVED_KEPT) resolved.clear();
		resolved.set(key, (result = resolveUncached(preset, overrides)));
	}
	return result;
}

function resolveUncached(preset: string, overrides: unknown): ResolveResult {
	if (!isPresetName(preset)) {
		return {
			ok: false,
			issues: [
				{
					path: 'preset',
					message: `unknown preset "${preset}"; expected ${PRESET_NAMES.join(', ')}`,
					problem: { kind: 'one_of', values: [...PRESET_NAMES] }
				}
			]
		};
	}
	if (!isPlainObject(overrides)) {
		return {
			ok: false,
			issues: [
				{
					path: '',
					message: 'overrides must be a plain object',
					problem: { kind: 'not_an_object' }
				}
			]
		};
	}
	return validateContractSettings(deepMerge(PRESETS[preset], overrides));
}
