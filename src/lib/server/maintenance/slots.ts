/**
 * Slots the contract advises against for maintenance: warnings, never a cause of non-compliance
 * (001 §4.1.3 "fortement déconseillé … après 16 heures en semaine, les vendredi après-midi, les
 * week-end, veilles de jours fériés après-midi et jours fériés"; 000 §1.4 and 001 §4.1.1 for the
 * preferred window). Read on the client's wall clock, day by day.
 */
import { openMinutesBetween, type BusinessCalendar } from '../calendar/business-calendar';
import { publicHolidays } from '../calendar/holidays';
import {
	DAY_MS,
	dateOfDay,
	dayOfDate,
	localTime,
	weekdayIndex,
	zonedInstant
} from '../calendar/zoned';
import { minutesOfDay, type HolidayCalendar } from '../contracts/schedule';
import type { ContractSettings } from '../contracts/settings';

export type SlotWarning =
	| 'late_weekday'
	| 'friday_afternoon'
	| 'weekend'
	| 'holiday'
	| 'holiday_eve'
	| 'during_business_hours'
	| 'outside_business_hours';

const NOON = DAY_MS / 2;
const FRIDAY = 4;

function isHoliday(calendar: HolidayCalendar, day: number): boolean {
	return publicHolidays(calendar, Number(dateOfDay(day).slice(0, 4))).some(
		(date) => dayOfDate(date) === day
	);
}

/** The warnings of the window [start, end), in a fixed order, each once. */
export function discouragedSlots(
	window: { start: Date; end: Date },
	settings: Pick<ContractSettings, 'maintenance' | 'support'>,
	support: BusinessCalendar,
	timeZone: string
): SlotWarning[] {
	const start = window.start.getTime();
	const end = window.end.getTime();
	if (!(start < end)) return [];
	const rules = settings.maintenance;
	const holidays = settings.support.publicHolidays;
	const after = rules.avoidAfter === null ? null : minutesOfDay(rules.avoidAfter)! * 60_000;
	const found = new Set<SlotWarning>();
	/** Whether the window covers some of [from, to) ms of local day `day`. */
	const covers = (day: number, from: number, to: number) =>
		zonedInstant(day, from, timeZone) < end && zonedInstant(day, to, timeZone) > start;

	const last = localTime(end - 1, timeZone).day;
	for (let day = localTime(start, timeZone).day; day <= last; day++) {
		const weekday = weekdayIndex(day);
		const weekend = weekday >= 5;
		if (rules.avoidWeekends && weekend) found.add('weekend');
		if (after !== null && !weekend && covers(day, after, DAY_MS)) found.add('late_weekday');
		if (rules.avoidFridayAfternoon && weekday === FRIDAY && covers(day, NOON, DAY_MS))
			found.add('friday_afternoon');
		if (rules.avoidHolidaysAndEves) {
			if (isHoliday(holidays, day)) found.add('holiday');
			if (isHoliday(holidays, day + 1) && covers(day, NOON, DAY_MS)) found.add('holiday_eve');
		}
	}

	const open = openMinutesBetween(support, window.start, window.end);
	if (rules.preferredWindow === 'outside_business_hours' && open > 0)
		found.add('during_business_hours');
	if (rules.preferredWindow === 'business_hours' && open * 60_000 < end - start)
		found.add('outside_business_hours');
	const order: SlotWarning[] = [
		'late_weekday',
		'friday_afternoon',
		'weekend',
		'holiday',
		'holiday_eve',
		'during_business_hours',
		'outside_business_hours'
	];
	return order.filter((w) => found.has(w));
}
