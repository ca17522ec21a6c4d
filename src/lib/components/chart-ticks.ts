import { dateTimeFormat, intlLocale } from '$lib/intl';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

export interface Tick {
	at: number;
	label: string;
}

interface Wall {
	day: number;
	hour: number;
	minute: number;
}

interface Step {
	/** The longest span this step is used for. */
	upTo: number;
	/** How far apart candidate instants are: a divisor of every UTC offset in use (15 min for :45 zones). */
	grain: number;
	/** Past a grid point, the next is at least this far (the step less a DST change): a multiple of grain, skipped unread. */
	skip: number;
	/** On the step's grid of the wall clock. */
	onGrid: (wall: Wall) => boolean;
	/** Which grid points get a tick. */
	keep?: (wall: Wall) => boolean;
	format: Intl.DateTimeFormatOptions;
}

/** A few days apart, on the same days of every month; the 31st would sit a day before the 1st. */
const FEW_DAYS = [1, 6, 11, 16, 21, 26];

const STEPS: Step[] = [
	{
		upTo: 2 * HOUR_MS,
		grain: 5 * MINUTE_MS,
		skip: 0,
		onGrid: (w) => w.minute % 10 === 0,
		format: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
	},
	{
		upTo: 2 * DAY_MS,
		grain: 15 * MINUTE_MS,
		skip: 4 * HOUR_MS,
		onGrid: (w) => w.minute === 0 && w.hour % 6 === 0,
		format: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
	},
	{
		upTo: 10 * DAY_MS,
		grain: 15 * MINUTE_MS,
		skip: 22 * HOUR_MS,
		onGrid: (w) => w.minute === 0 && w.hour === 0,
		format: { weekday: 'short', day: 'numeric' }
	},
	{
		upTo: Infinity,
		grain: 15 * MINUTE_MS,
		skip: 22 * HOUR_MS,
		onGrid: (w) => w.minute === 0 && w.hour === 0,
		keep: (w) => FEW_DAYS.includes(w.day),
		format: { day: '2-digit', month: '2-digit' }
	}
];

function wallClock(clock: Intl.DateTimeFormat, at: number): Wall {
	const parts = clock.formatToParts(at);
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return { day: part('day'), hour: part('hour'), minute: part('minute') };
}

/**
 * The ticks of a time axis over [from, to]: round times on the wall clock of `timeZone` (the
 * client's, not the browser's). Candidate instants are read on that clock, so a DST change never
 * shifts the ticks off the hour, and the 10-minute ticks of a repeated hour appear twice.
 */
export function timeTicks(
	range: { from: number; to: number },
	timeZone: string,
	locale: string
): Tick[] {
	const span = range.to - range.from;
	const step = STEPS.find((s) => span <= s.upTo) ?? STEPS[STEPS.length - 1];
	const clock = dateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		day: 'numeric',
		hour: 'numeric',
		minute: 'numeric'
	});
	const label = dateTimeFormat(intlLocale(locale), { ...step.format, timeZone });
	const ticks: Tick[] = [];
	let at = Math.ceil(range.from / step.grain) * step.grain;
	while (at <= range.to) {
		const wall = wallClock(clock, at);
		if (!step.onGrid(wall)) {
			at += step.grain;
			continue;
		}
		if (!step.keep || step.keep(wall)) ticks.push({ at, label: label.format(at) });
		at += Math.max(step.grain, step.skip);
	}
	return ticks;
}
