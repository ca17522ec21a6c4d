/**
 * The typed per-contract settings (clause by clause in ./README.md): every rule on which the contracts disagree
 * is a setting; a contract = one preset + JSON overrides (the `contract` table).
 *
 * Pure module: no DB, no SvelteKit. Times are Europe/Paris wall-clock ('HH:MM').
 */
import { z } from 'zod';
import {
	clockTimeSchema,
	holidayCalendarSchema,
	isoDateSchema,
	weeklyScheduleSchema
} from './schedule';
import { PRESETS, PRESET_NAMES, type PresetName } from './presets';
import { SLA_CAUSES, type SlaCause } from '../../domain/sla';

export { SLA_CAUSES, type SlaCause };

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

const percent = z.number().min(0).max(100);

// ---------------------------------------------------------------- SLA (000 §2, 001 §5, 004 art. 6)


export const coverageSchema = z.discriminatedUnion('mode', [
	z.strictObject({ mode: z.literal('24x7') }),
	z.strictObject({
		mode: z.literal('schedule'),
		weekly: weeklyScheduleSchema,
		publicHolidays: holidayCalendarSchema,
		/** Extra days outside coverage (e.g. a bridge day agreed in writing). */
		closedDays: z.array(isoDateSchema)
	})
]);
export type Coverage = z.infer<typeof coverageSchema>;

/** 'remove' = out of both numerator and denominator; 'count_as_available' = minutes count as up. */
const treatmentMode = z.enum(['remove', 'count_as_available']);

export const creditSchema = z.discriminatedUnion('mode', [
	/** 001 §5.1: once the target is missed, percentPerSlice per slice of unavailability. */
	z.strictObject({
		mode: z.literal('slices'),
		percentPerSlice: z.number().gt(0).max(100),
		sliceMinutes: z.int().positive(),
		/** true: a started slice counts as a whole one. */
		countStartedSlices: z.boolean(),
		capPercent: percent
	}),
	/** 004 art. 6: availability strictly below `belowPercent` earns `percent`; the lowest matching tier wins. */
	z.strictObject({
		mode: z.literal('tiers'),
		tiers: z
			.array(z.strictObject({ belowPercent: z.number().gt(0).max(100), percent }))
			.min(1)
			.superRefine((tiers, ctx) => {
				for (let i = 1; i < tiers.length; i++) {
					if (tiers[i].belowPercent >= tiers[i - 1].belowPercent) {
						ctx.addIssue({
							code: 'custom',
							path: [i, 'belowPercent'],
							message: 'tiers must be sorted by strictly decreasing belowPercent'
						});
					}
					if (tiers[i].percent < tiers[i - 1].percent) {
						ctx.addIssue({
							code: 'custom',
							path: [i, 'percent'],
							message: 'a lower tier cannot earn a smaller credit'
						});
					}
				}
			}),
		capPercent: percent
	}),
	/** 000 §1.6: an outage not restored within minOutageMinutes is not billed, pro rata of its duration. */
	z.strictObject({ mode: z.literal('outage_pro_rata'), minOutageMinutes: z.int().min(0) }),
	z.strictObject({ mode: z.literal('none') })
]);
export type CreditRule = z.infer<typeof creditSchema>;

/**
 * GTR (001 §5.2). A restore late by d > 0 minutes past restoreWithinMinutes owes
 * penaltiesPercent[min(ceil(d / stepMinutes), length) - 1] of the monthly fee (the last entry
 * applies to every longer delay); the sum over a month is capped at capPercent.
 */
export const gtrSchema = z.strictObject({
	restoreWithinMinutes: z.int().positive(),
	stepMinutes: z.int().positive(),
	penaltiesPercent: z
		.array(percent)
		.min(1)
		.refine(
			(p) => p.every((x, i) => i === 0 || x >= p[i - 1]),
			'penalties must not decrease with the delay'
		),
	capPercent: percent
});

export const slaSchema = z
	.strictObject({
		targetPercent: z.number().gt(0).max(100),
		period: z.enum(['month', 'contract_year']),
		coverage: coverageSchema,
		/** Share of a degraded minute counted as unavailable (0 = degraded counts as up). */
		degradedWeight: z.number().min(0).max(1).default(0),
		excludedCauses: z
			.array(z.enum(SLA_CAUSES))
			.refine((a) => new Set(a).size === a.length, 'causes must not repeat'),
		treatment: z.strictObject({ maintenance: treatmentMode, causes: treatmentMode }),
		credit: creditSchema,
		gtr: gtrSchema.nullable(),
		/** Days after a period ends before its availability report is closed (frozen). */
		closeAfterDays: z.int().min(0).default(5)
	})
	.superRefine((sla, ctx) => {
		if (sla.credit.mode === 'tiers' && sla.credit.tiers[0].belowPercent > sla.targetPercent) {
			ctx.addIssue({
				code: 'custom',
				path: ['credit', 'tiers', 0, 'belowPercent'],
				message: `the first credit tier (${sla.credit.tiers[0].belowPercent}) cannot lie above the target (${sla.targetPercent})`
			});
		}
	});

// ---------------------------------------------------------------- support & incidents (000 §1.5, §2; 002 art. 4)

export const supportSchema = z.strictObject({
	hours: weeklyScheduleSchema,
	publicHolidays: holidayCalendarSchema
});

export const durationSchema = z.strictObject({
	amount: z.number().positive(),
	unit: z.enum(['minutes', 'hours', 'days'])
});
export type Duration = z.infer<typeof durationSchema>;

const NOMINAL_MINUTES = { minutes: 1, hours: 60, days: 1440 } as const;
/** Nominal length in minutes (a day = 1440) — for ordering only, not for deadline arithmetic. */
export function nominalMinutes(d: Duration): number {
	return d.amount * NOMINAL_MINUTES[d.unit];
}

export { INCIDENT_SEVERITIES as SEVERITIES, type IncidentSeverity as Severity } from '../../domain/incidents';

/**
 * clock 'business': the deadline runs only during support hours ('days' = business days);
 * 'calendar': it runs around the clock.
 */
export const deadlineSchema = z
	.strictObject({
		acknowledge: durationSchema,
		resolve: durationSchema,
		clock: z.enum(['business', 'calendar'])
	})
	.refine((d) => nominalMinutes(d.acknowledge) <= nominalMinutes(d.resolve), {
		message: 'acknowledge deadline cannot exceed resolve deadline',
		path: ['acknowledge']
	});
export type Deadline = z.infer<typeof deadlineSchema>;

export const incidentsSchema = z.strictObject({
	critical: deadlineSchema,
	major: deadlineSchema,
	minor: deadlineSchema,
	information_request: deadlineSchema,
	/** Share of a deadline elapsed after which a report is shown "at risk". */
	atRiskPercent: z.number().gt(0).lt(100),
	/** A closed report may be reopened by the client within this many days. */
	reopenWithinDays: z.int().min(0),
	/** A probe down this long opens an incident by itself (001 §4.1.1 level 1). */
	autoOpenAfterDownMinutes: z.int().positive(),
	/** Unavailability beyond this obliges a standby server (000 §1.6); null = no such duty. */
	standbyServerAfterHours: z.number().positive().nullable()
});

// ---------------------------------------------------------------- maintenance (000 §1.4; 001 §4.1.3, §5.5)

export const maintenanceSchema = z.strictObject({
	/** Minimum notice, in support business hours, before planned maintenance; null = none set. */
	noticeBusinessHours: z.number().positive().nullable(),
	/** Maintenance longer than this needs the client's approval in the portal; null = never. */
	longerThanMinutesNeedsApproval: z.int().positive().nullable(),
	/** Minimum notice in calendar days for network works (by e-mail); null = none set. */
	networkNoticeCalendarDays: z.int().positive().nullable(),
	/** Preferred window for planned maintenance, relative to the support hours. */
	preferredWindow: z.enum(['outside_business_hours', 'business_hours', 'any']),
	/** Weekday time after which maintenance/updates are advised against; null = no limit. */
	avoidAfter: clockTimeSchema.nullable(),
	avoidFridayAfternoon: z.boolean(),
	avoidWeekends: z.boolean(),
	/** Public holidays and the afternoon of their eve. */
	avoidHolidaysAndEves: z.boolean()
});

// ---------------------------------------------------------------- backups & restores (000 §1.8; 001 §4.5; 002 art. 5–7; 003; 004 art. 3.5)

export const backupScheduleSchema = z.strictObject({
	/** full = system + data; data_full = all data; incremental = changes since the last backup. */
	kind: z.enum(['full', 'incremental', 'data_full']),
	every: z.enum(['daily', 'weekly', 'monthly']),
	/** Expected start; absent = any time that day (e.g. "outside business hours"). */
	at: clockTimeSchema.optional(),
	/** Restricts the schedule to one kind of data; absent = everything. */
	scope: z.enum(['databases', 'files']).optional(),
	/** Retention of this schedule when it differs from backups.retentionDays. */
	retentionDays: z.int().positive().optional()
});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

export const backupsSchema = z.strictObject({
	schedules: z.array(backupScheduleSchema),
	retentionDays: z.int().positive(),
	/** How many of the latest restore points the client may pick from. */
	versionsRestorable: z.int().positive(),
	/** Sites, distinct from the server's, holding a copy. */
	offsiteSites: z.int().min(0),
	/** 002 art. 7.2 reception report deadline; null = no report owed. */
	receptionReportWithinHours: z.number().positive().nullable(),
	/** null = no contractual restore deadline. */
	restoreIncrementalWithinHours: z.number().positive().nullable(),
	restoreFullWithinHours: z.number().positive().nullable(),
	/** The server is stopped during a restore (000 §1.8). */
	restoreStopsServer: z.boolean(),
	/** Restores may be billed (001 §4.5, 003 art. 5). */
	restoresMayBeBilled: z.boolean()
});

// ---------------------------------------------------------------- the whole object

export const contractSettingsSchema = z.strictObject({
	sla: slaSchema,
	support: supportSchema,
	incidents: incidentsSchema,
	maintenance: maintenanceSchema,
	backups: backupsSchema
});
export type ContractSettings = z.infer<typeof contractSettingsSchema>;

export type SettingsIssue = { path: string; message: string };
export type ResolveResult =
	| { ok: true; settings: ContractSettings }
	| { ok: false; issues: SettingsIssue[] };

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

/** Zod issues → flat `{ path, message }`; an unknown key gets its own dotted path. */
export function flattenIssues(error: z.ZodError): SettingsIssue[] {
	const issues: SettingsIssue[] = [];
	for (const issue of error.issues) {
		if (issue.code === 'unrecognized_keys') {
			for (const key of issue.keys) {
				issues.push({ path: dotted([...issue.path, key]), message: `unknown setting "${key}"` });
			}
		} else {
			issues.push({ path: dotted(issue.path), message: issue.message });
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
				{ path: 'preset', message: `unknown preset "${preset}"; expected ${PRESET_NAMES.join(', ')}` }
			]
		};
	}
	if (!isPlainObject(overrides)) {
		return { ok: false, issues: [{ path: '', message: 'overrides must be a plain object' }] };
	}
	return validateContractSettings(deepMerge(PRESETS[preset], overrides));
}
