/**
 * Extending a running window (issue 11 §2): the overrun [planned end, new end) is a notice of its
 * own, given when staff extended it, so it is excluded from availability only if that notice is
 * itself compliant (000 §1.4, 001 §5.5), which it normally is not. Several extensions form one
 * overrun, measured from the latest.
 */
import type { MaintenanceInput } from '../sla/types';

/** Source ids of an overrun in SLA reports: the window's id with this suffix. */
export const OVERRUN_SUFFIX = ':overrun';

export const windowIdOfSource = (sourceId: string) =>
	sourceId.endsWith(OVERRUN_SUFFIX) ? sourceId.slice(0, -OVERRUN_SUFFIX.length) : sourceId;

export interface ExtendableWindow {
	id: string;
	componentIds: readonly string[];
	start: Date;
	end: Date;
	plannedEnd: Date | null;
	extendedAt: Date | null;
	announcedAt: Date;
	approvedAt: Date | null;
	network?: boolean;
}

/** What the SLA engine reads of a window: the announced part, and the overrun apart. */
export function slaParts(w: ExtendableWindow): MaintenanceInput[] {
	const base = { componentIds: w.componentIds, network: w.network };
	if (w.plannedEnd === null || w.extendedAt === null || w.plannedEnd >= w.end)
		return [
			{
				...base,
				id: w.id,
				start: w.start,
				end: w.end,
				announcedAt: w.announcedAt,
				approvedAt: w.approvedAt
			}
		];
	return [
		{
			...base,
			id: w.id,
			start: w.start,
			end: w.plannedEnd,
			announcedAt: w.announcedAt,
			approvedAt: w.approvedAt
		},
		// The agreement given was for the announced window, not for its overrun.
		{
			...base,
			id: w.id + OVERRUN_SUFFIX,
			start: w.plannedEnd,
			end: w.end,
			announcedAt: w.extendedAt,
			approvedAt: null
		}
	];
}

/** Only a window under way can be extended, and only later. */
export function extensionRefusal(
	w: { state: string; start: Date; end: Date },
	newEnd: Date,
	now: Date
): 'not_running' | 'not_later' | null {
	if (w.state !== 'published' || now < w.start || now >= w.end) return 'not_running';
	return newEnd > w.end ? null : 'not_later';
}
