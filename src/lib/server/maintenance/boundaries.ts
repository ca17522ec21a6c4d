/**
 * The mails that follow a published window's clock (issue 11: a reminder 24 h before, one at
 * start and one at end), as pure rules. The boundary job (jobs.ts) sets one marker per step, so
 * each mail goes once; after downtime it catches up without sending news that is no longer news.
 */
export const REMINDER_LEAD_MS = 24 * 3_600_000;
/** An end mail later than this after the end is stale: the step is marked, nothing is sent. */
export const STALE_END_MS = 3_600_000;

export type BoundaryStep = 'reminder' | 'started' | 'ended';

export interface BoundaryWindow {
	start: Date;
	end: Date;
	announcedAt: Date;
	remindedAt: Date | null;
	startedNotifiedAt: Date | null;
	endedNotifiedAt: Date | null;
}

/**
 * The steps now due, in order, each with whether its mail (and live event) goes out:
 * - reminder, from 24 h before the start: only while the start is ahead, and only when the
 *   publication mail itself came earlier than 24 h before (else it would repeat it);
 * - started: only while the window is still under way;
 * - ended: only within STALE_END_MS of the end.
 */
export function dueBoundaries(
	w: BoundaryWindow,
	now: Date
): { step: BoundaryStep; send: boolean }[] {
	const t = now.getTime();
	const start = w.start.getTime();
	const end = w.end.getTime();
	const due: { step: BoundaryStep; send: boolean }[] = [];
	if (w.remindedAt === null && t >= start - REMINDER_LEAD_MS)
		due.push({
			step: 'reminder',
			send: t < start && w.announcedAt.getTime() < start - REMINDER_LEAD_MS
		});
	if (w.startedNotifiedAt === null && t >= start) due.push({ step: 'started', send: t < end });
	if (w.endedNotifiedAt === null && t >= end)
		due.push({ step: 'ended', send: t - end < STALE_END_MS });
	return due;
}

/** After a move, the markers of the steps that lie ahead again are cleared. */
export function markersAfterMove(start: Date, end: Date, now: Date) {
	return {
		...(start > now ? { remindedAt: null, startedNotifiedAt: null } : {}),
		...(end > now ? { endedNotifiedAt: null } : {})
	};
}
