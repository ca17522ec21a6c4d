/**
 * The typed per-contract settings (clause by clause in ./README.md): every rule on which the contracts disagree
 * is a setting. The presets are written in these types; `settings.ts` resolves a contract from them.
 *
 * Pure module: no DB, no SvelteKit. Times are Europe/Paris wall-clock ('HH:MM').
 */
import { z } from 'zod';
import { INCIDENT_SEVERITIES } from '../../domain/incidents';
import {
	clockTimeSchema,
	holidayCalendarSchema,
	isoDateSchema,
	WEEKDAYS,
	weeklyScheduleSchema
} from './schedule';
import { SLA_CAUSES, type SlaCause } from '../../domain/sla';
import { BACKUP_FREQUENCIES, BACKUP_KINDS, BACKUP_SCOPES } from '../../domain/backups';

export { SLA_CAUSES, type SlaCause };

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
							message: 'tiers must be sorted by strictly decreasing belowPercent',
							params: { rule: 'tiers_sorted' }
						});
					}
					if (tiers[i].percent < tiers[i - 1].percent) {
						ctx.addIssue({
							code: 'custom',
							path: [i, 'percent'],
							message: 'a lower tier cannot earn a smaller credit',
							params: { rule: 'tier_credit_order' }
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
	/** The severities the guarantee covers: the outages that stop the service. */
	severities: z.array(z.enum(INCIDENT_SEVERITIES)).min(1),
	restoreWithinMinutes: z.int().positive(),
	stepMinutes: z.int().positive(),
	penaltiesPercent: z
		.array(percent)
		.min(1)
		.refine((p) => p.every((x, i) => i === 0 || x >= p[i - 1]), {
			message: 'penalties must not decrease with the delay',
			params: { rule: 'penalties_order' }
		}),
	capPercent: percent
});

export const slaSchema = z
	.strictObject({
		targetPercent: z.number().gt(0).max(100),
		period: z.enum(['month', 'contract_year']),
		coverage: coverageSchema,
		/** Share of a degraded minute counted as unavailable (0 = degraded counts as up). */
		degradedWeight: z.number().min(0).max(1).default(0),
		excludedCauses: z.array(z.enum(SLA_CAUSES)).refine((a) => new Set(a).size === a.length, {
			message: 'causes must not repeat',
			params: { rule: 'causes_unique' }
		}),
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
				message: `the first credit tier (${sla.credit.tiers[0].belowPercent}) cannot lie above the target (${sla.targetPercent})`,
				params: { rule: 'first_tier_above_target' }
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

export {
	INCIDENT_SEVERITIES as SEVERITIES,
	type IncidentSeverity as Severity
} from '../../domain/incidents';

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
		params: { rule: 'acknowledge_after_resolve' },
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

export const backupScheduleSchema = z
	.strictObject({
		kind: z.enum(BACKUP_KINDS),
		frequency: z.enum(BACKUP_FREQUENCIES),
		/** Expected start, client-local; absent = any time of the day (due by its end). */
		at: clockTimeSchema.optional(),
		/** Weekly only: the day; absent = any day of the week (due by its end). */
		weekday: z.enum(WEEKDAYS).optional(),
		/** Monthly only: the day of the month (clamped to the month's last); absent = any day. */
		monthday: z.int().min(1).max(31).optional(),
		/** Restricts the schedule to one kind of data; absent = the whole machine. */
		scope: z.enum(BACKUP_SCOPES).optional(),
		/** Retention of this schedule when it differs from backups.retentionDays. */
		retentionDays: z.int().positive().optional()
	})
	.superRefine((s, ctx) => {
		if (s.weekday !== undefined && s.frequency !== 'weekly') {
			ctx.addIssue({
				code: 'custom',
				path: ['weekday'],
				message: 'a weekday is only for a weekly schedule',
				params: { rule: 'schedule_day' }
			});
		}
		if (s.monthday !== undefined && s.frequency !== 'monthly') {
			ctx.addIssue({
				code: 'custom',
				path: ['monthday'],
				message: 'a day of the month is only for a monthly schedule',
				params: { rule: 'schedule_day' }
			});
		}
	});
export type BackupSchedule = z.infer<typeof backupScheduleSchema>;

/** ISO 3166-1 alpha-2 country code, upper case. */
export const countryCodeSchema = z.string().refine((s) => /^[A-Z]{2}$/.test(s), {
	message: 'expected an ISO 3166-1 alpha-2 country code such as FR',
	params: { rule: 'country_code' }
});

export const backupsSchema = z.strictObject({
	schedules: z.array(backupScheduleSchema),
	/** Hours after the expected time before a backup that has not arrived is `missing`. */
	graceHours: z.number().min(0).max(72).default(3),
	retentionDays: z.int().positive(),
	/** How many of the latest restore points the client may pick from. */
	versionsRestorable: z.int().positive(),
	/** 002 art. 7.2 reception report deadline; null = no report owed. */
	receptionReportWithinHours: z.number().positive().nullable(),
	/** Sites other than the server's own that must hold a copy. */
	offsiteSitesMin: z.int().min(0),
	/** Countries where copies may be kept; null = the contract does not restrict. */
	allowedCountries: z.array(countryCodeSchema).min(1).nullable(),
	/** Change since the previous backup the service is sized for (003 art. 4.05); null = none. */
	maxChangePercent: z.number().gt(0).max(100).nullable()
});

/** Which restores: never, the heavy ones (anything but a single file, 003 art. 5), or all. */
export const RESTORE_APPLIES = ['never', 'heavy', 'always'] as const;

export const restoresSchema = z.strictObject({
	/** Deadline to restore one of the last `incrementalLastN` incrementals; null = none. */
	incrementalWithinHours: z.number().positive().nullable(),
	incrementalLastN: z.int().positive().nullable(),
	/** Deadline for a full restore; null = no contractual deadline. */
	fullWithinHours: z.number().positive().nullable(),
	/** 'calendar': the deadline runs around the clock; 'business': only in support hours. */
	clock: z.enum(['business', 'calendar']),
	/** The server is stopped during a restore (000 §1.8). */
	stopsServer: z.boolean(),
	billable: z.enum(RESTORE_APPLIES),
	quoteRequired: z.enum(RESTORE_APPLIES),
	/** The provider tests restoring the whole system regularly (000 §1.8). */
	providerTests: z.boolean()
});

// ---------------------------------------------------------------- end of contract (000 §1.9; 002 art. 7.3; 003 art. 10; 004 art. 10)

/** A delay counted from the contract's end date: calendar days, working days or months. */
export const delaySchema = z.strictObject({
	amount: z.int().min(0).max(366),
	unit: z.enum(['days', 'working_days', 'months'])
});
export type Delay = z.infer<typeof delaySchema>;

export const endOfContractSchema = z.strictObject({
	/** The clause these delays come from, shown to the client beside the dates (e.g. `000 §1.9`). */
	clause: z.string().trim().min(1).max(120),
	/** The client's data is destroyed this long after the end date (0: at the end date). */
	destroyAfter: delaySchema,
	exportWindow: z.strictObject({
		/** The contractual hand-back window opens this long before the end; null: any time. */
		opensBefore: delaySchema.nullable(),
		/** The last day to ask for an export, after the end date (never after the destruction). */
		closesAfter: delaySchema
	})
});

// ---------------------------------------------------------------- the whole object

export const contractSettingsSchema = z.strictObject({
	sla: slaSchema,
	support: supportSchema,
	incidents: incidentsSchema,
	maintenance: maintenanceSchema,
	backups: backupsSchema,
	restores: restoresSchema,
	endOfContract: endOfContractSchema
});
export type ContractSettings = z.infer<typeof contractSettingsSchema>;
