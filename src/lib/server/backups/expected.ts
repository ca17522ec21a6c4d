/**
 * Expected backups from the contract's schedules (000 §1.8, 001 §4.5, 002 art. 5, 004 art. 3.5),
 * in the client's time zone. Every day counts (weekends and holidays too: backups run nightly).
 *
 * A slot with a time (`at`) is due then and is filled by a backup started within half a period of
 * it; a slot without one is the whole day (week, month) and is due at its end. It is `missing`
 * once `graceHours` have passed its due time with no matching succeeded or partial backup, and
 * `late` when the backup arrives after that. The series starts at the later of the client's
 * commissioning and the machine's first backup: a machine that never sent one has no series.
 *
 * Pure module: no DB.
 */
import type { BackupSchedule } from '../contracts/settings-schema';
import { WEEKDAYS } from '../contracts/schedule';
import { minutesOfDay } from '../contracts/schedule';
import { DAY_MS, localTime, weekdayIndex, zonedInstant } from '../calendar/zoned';
import type { BackupKind, BackupScope, ExpectationState } from '../../domain/backups';

const HOUR_MS = 3_600_000;

export interface Slot {
	scheduleKey: string;
	windowStart: Date;
	windowEnd: Date;
	dueAt: Date;
	deadlineAt: Date;
}

export const scheduleKey = (s: BackupSchedule): string =>
	`${s.kind}/${s.frequency}/${s.scope ?? '*'}`;

/** Local day numbers of the period (day, ISO week, month) containing local day `day`. */
function periodDays(s: BackupSchedule, day: number): { first: number; next: number } {
	if (s.frequency === 'daily') return { first: day, next: day + 1 };
	if (s.frequency === 'weekly') {
		const first = day - weekdayIndex(day);
		return { first, next: first + 7 };
	}
	const d = new Date(day * DAY_MS);
	const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
	const next = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS;
	return { first, next };
}

/** The local day of the period the schedule names, or null when it names none (any day). */
function scheduledDay(s: BackupSchedule, first: number, next: number): number | null {
	if (s.frequency === 'daily') return first;
	if (s.frequency === 'weekly') {
		return s.weekday === undefined ? null : first + WEEKDAYS.indexOf(s.weekday);
	}
	return s.monthday === undefined ? null : Math.min(first + s.monthday - 1, next - 1);
}

function slotOf(s: BackupSchedule, first: number, next: number, tz: string, graceMs: number): Slot {
	const periodStart = zonedInstant(first, 0, tz);
	const periodEnd = zonedInstant(next, 0, tz);
	const day = scheduledDay(s, first, next);
	let dueAt: number;
	let windowStart = periodStart;
	let windowEnd = periodEnd;
	if (day === null) {
		dueAt = periodEnd;
	} else if (s.at === undefined) {
		dueAt = zonedInstant(day + 1, 0, tz);
		if (s.frequency !== 'daily') {
			windowStart = zonedInstant(day, 0, tz);
			windowEnd = dueAt;
		}
	} else {
		dueAt = zonedInstant(day, (minutesOfDay(s.at) ?? 0) * 60_000, tz);
		const half = (periodEnd - periodStart) / 2;
		windowStart = dueAt - half;
		windowEnd = dueAt + half;
	}
	return {
		scheduleKey: scheduleKey(s),
		windowStart: new Date(windowStart),
		windowEnd: new Date(windowEnd),
		dueAt: new Date(dueAt),
		deadlineAt: new Date(dueAt + graceMs)
	};
}

/** The slots of one schedule whose window ends after `seriesStart` and whose due time is before `until`. */
export function expectedSlots(
	s: BackupSchedule,
	timeZone: string,
	seriesStart: Date,
	until: Date,
	graceHours: number
): Slot[] {
	const graceMs = graceHours * HOUR_MS;
	const slots: Slot[] = [];
	let { first, next } = periodDays(s, localTime(seriesStart.getTime() - DAY_MS, timeZone).day);
	const stopDay = localTime(until.getTime(), timeZone).day + 1;
	while (first <= stopDay) {
		const slot = slotOf(s, first, next, timeZone, graceMs);
		if (slot.windowEnd > seriesStart && slot.dueAt < until) slots.push(slot);
		({ first, next } = periodDays(s, next));
	}
	return slots;
}

export interface BackupForSlot {
	id: string;
	kind: BackupKind;
	scope: BackupScope | null;
	startedAt: Date;
	receivedAt: Date;
	status: string;
}

export function fillsSchedule(s: BackupSchedule, b: BackupForSlot): boolean {
	return (
		b.kind === s.kind &&
		(s.scope === undefined || b.scope === s.scope) &&
		(b.status === 'succeeded' || b.status === 'partial')
	);
}

/** The state of one slot at `now`, and the backup that fills it (the first one started in its window). */
export function slotState(
	s: BackupSchedule,
	slot: Slot,
	backups: readonly BackupForSlot[],
	now: Date
): { state: ExpectationState; backupId: string | null } {
	const match = backups
		.filter(
			(b) => fillsSchedule(s, b) && b.startedAt >= slot.windowStart && b.startedAt < slot.windowEnd
		)
		.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime())[0];
	if (match) {
		return { state: match.receivedAt > slot.deadlineAt ? 'late' : 'received', backupId: match.id };
	}
	return { state: now >= slot.deadlineAt ? 'missing' : 'pending', backupId: null };
}

/** The next due time of a schedule after `now` (shown per machine). */
export function nextExpected(s: BackupSchedule, timeZone: string, now: Date): Date {
	const ahead = expectedSlots(s, timeZone, now, new Date(now.getTime() + 32 * DAY_MS), 0);
	return (ahead.find((slot) => slot.dueAt > now) ?? ahead[ahead.length - 1]).dueAt;
}

/** The month's compliance: received (in time or late) over expected slots already due. */
export function compliance(states: readonly ExpectationState[]): {
	expected: number;
	received: number;
	percent: number | null;
} {
	const due = states.filter((s) => s !== 'pending');
	const received = due.filter((s) => s === 'received' || s === 'late').length;
	return {
		expected: due.length,
		received,
		percent: due.length === 0 ? null : Math.floor((received / due.length) * 1000) / 10
	};
}
