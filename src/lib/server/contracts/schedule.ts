/**
 * Weekly schedules, clock times and calendar dates used by the contract settings.
 *
 * All times are local wall-clock times of the provider (Europe/Paris); a schedule never
 * carries its own time zone. Pure module: no DB, no SvelteKit.
 */
import { z } from 'zod';

/** Time zone in which every 'HH:MM' of the contract settings is read. */
export const CONTRACT_TIME_ZONE = 'Europe/Paris';

import { WEEKDAYS, type Weekday } from '../../domain/sla';

export { WEEKDAYS, type Weekday };

const HHMM = /^(\d{2}):(\d{2})$/;

/** Minutes since midnight of 'HH:MM' (00:00..24:00), or null when malformed or out of range. */
export function minutesOfDay(time: string): number | null {
	const m = HHMM.exec(time);
	if (!m) return null;
	const h = Number(m[1]);
	const min = Number(m[2]);
	if (min > 59) return null;
	if (h > 24 || (h === 24 && min !== 0)) return null;
	return h * 60 + min;
}

/** A clock time 'HH:MM' from 00:00 to 23:59 (a start, or a time of day). */
export const clockTimeSchema = z.string().refine(
	(s) => {
		const m = minutesOfDay(s);
		return m !== null && m < 24 * 60;
	},
	{ message: 'expected a time HH:MM between 00:00 and 23:59', params: { rule: 'clock_time' } }
);

/** A clock time 'HH:MM' from 00:00 to 24:00 (24:00 = end of the day, only as a slot end). */
export const endTimeSchema = z.string().refine((s) => minutesOfDay(s) !== null, {
	message: 'expected a time HH:MM between 00:00 and 24:00',
	params: { rule: 'end_time' }
});

/** One opening slot [from, to) of a day; from < to. */
export const timeSlotSchema = z
	.tuple([clockTimeSchema, endTimeSchema])
	.superRefine(([from, to], ctx) => {
		const a = minutesOfDay(from);
		const b = minutesOfDay(to);
		if (a !== null && b !== null && a >= b) {
			ctx.addIssue({
				code: 'custom',
				message: `slot start ${from} must be before its end ${to}`,
				params: { rule: 'slot_order' }
			});
		}
	});
export type TimeSlot = z.infer<typeof timeSlotSchema>;

/** The slots of one day: each valid, sorted by start, not overlapping (touching is allowed). */
export const daySlotsSchema = z.array(timeSlotSchema).superRefine((slots, ctx) => {
	for (let i = 1; i < slots.length; i++) {
		const prevEnd = minutesOfDay(slots[i - 1][1]);
		const start = minutesOfDay(slots[i][0]);
		if (prevEnd === null || start === null) continue;
		if (start < prevEnd) {
			ctx.addIssue({
				code: 'custom',
				path: [i],
				message: `slot ${slots[i][0]}-${slots[i][1]} overlaps or precedes ${slots[i - 1][0]}-${slots[i - 1][1]}: slots must be sorted and not overlap`,
				params: { rule: 'slots_overlap' }
			});
		}
	}
});

/** Opening hours of a week: every day present (an empty list = closed), at least one slot overall. */
export const weeklyScheduleSchema = z
	.strictObject({
		mon: daySlotsSchema,
		tue: daySlotsSchema,
		wed: daySlotsSchema,
		thu: daySlotsSchema,
		fri: daySlotsSchema,
		sat: daySlotsSchema,
		sun: daySlotsSchema
	})
	.refine((w) => WEEKDAYS.some((d) => w[d].length > 0), {
		message: 'a weekly schedule needs at least one slot',
		params: { rule: 'schedule_empty' }
	});
export type WeeklySchedule = z.infer<typeof weeklyScheduleSchema>;

/**
 * Public holiday calendar: 'fr' = the 11 national holidays; 'fr-alsace-moselle' adds Good Friday
 * and 26 December; 'none' = no holiday closure.
 */
export const HOLIDAY_CALENDARS = ['fr', 'fr-alsace-moselle', 'none'] as const;
export type HolidayCalendar = (typeof HOLIDAY_CALENDARS)[number];
export const holidayCalendarSchema = z.enum(HOLIDAY_CALENDARS);

const YMD = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True when `s` is a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
	const m = YMD.exec(s);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const date = new Date(Date.UTC(y, mo - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

export const isoDateSchema = z
	.string()
	.refine(isIsoDate, { message: 'expected a date YYYY-MM-DD', params: { rule: 'iso_date' } });

/** Builds a schedule with the same slots on each listed day and every other day closed. */
export function weekly(days: Partial<Record<Weekday, TimeSlot[]>>): WeeklySchedule {
	const out = {} as WeeklySchedule;
	for (const d of WEEKDAYS) out[d] = (days[d] ?? []).map(([a, b]) => [a, b] as TimeSlot);
	return out;
}
