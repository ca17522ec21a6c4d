/**
 * Whether a planned maintenance was announced as the contract requires (000 §1.4, 001 §5.5): only a
 * compliant maintenance is excluded from availability.
 */
import { openMinutesBetween, type BusinessCalendar } from '../calendar/business-calendar';
import { localTime } from '../calendar/zoned';
import { CONTRACT_TIME_ZONE, type ContractSettings } from '../contracts/settings';

/** When a maintenance was planned and announced: what the notice rule reads of it. */
export interface MaintenanceTimes {
	start: Date;
	end: Date;
	announcedAt: Date;
	/** The client's recorded agreement (000 §1.4 written agreement), when given. */
	approvedAt?: Date | null;
	/** Network works (001 §5.5); absent = unknown, see maintenanceCompliance. */
	network?: boolean;
}

export type MaintenanceNonCompliance =
	| 'invalid_window'
	| 'not_announced_before_start'
	| 'notice_too_short'
	| 'network_notice_too_short'
	| 'approval_missing';

export interface Compliance {
	compliant: boolean;
	reason?: MaintenanceNonCompliance;
}

/**
 * The rules, in order:
 * - the announcement precedes the start;
 * - network works: announced at least `networkNoticeCalendarDays` calendar days before the start
 *   date (001 §5.5). `network` absent counts as network works when the contract sets no
 *   business-hour notice, since then §5.5 is the only clause that makes an interruption planned;
 * - longer than `longerThanMinutesNeedsApproval`: the client's agreement recorded before the start
 *   (000 §1.4 "planifiée avec LE CLIENT et avec son accord écrit"), which stands in for the notice;
 * - otherwise at least `noticeBusinessHours` of support hours between announcement and start
 *   (000 §1.4 "48 heures ouvrées avant").
 */
export function maintenanceCompliance(
	m: MaintenanceTimes,
	settings: ContractSettings['maintenance'],
	support: BusinessCalendar,
	timeZone: string = CONTRACT_TIME_ZONE
): Compliance {
	const start = m.start.getTime();
	if (!(start < m.end.getTime())) return { compliant: false, reason: 'invalid_window' };
	if (!(m.announcedAt.getTime() < start))
		return { compliant: false, reason: 'not_announced_before_start' };

	const networkDays = settings.networkNoticeCalendarDays;
	const isNetwork = m.network ?? settings.noticeBusinessHours === null;
	if (isNetwork && networkDays !== null) {
		const days = localTime(start, timeZone).day - localTime(m.announcedAt.getTime(), timeZone).day;
		if (days < networkDays) return { compliant: false, reason: 'network_notice_too_short' };
	}

	const approvalAbove = settings.longerThanMinutesNeedsApproval;
	if (approvalAbove !== null && m.end.getTime() - start > approvalAbove * 60_000) {
		const approved = m.approvedAt != null && m.approvedAt.getTime() <= start;
		return approved ? { compliant: true } : { compliant: false, reason: 'approval_missing' };
	}

	const noticeHours = settings.noticeBusinessHours;
	if (
		noticeHours !== null &&
		openMinutesBetween(support, m.announcedAt, m.start) < noticeHours * 60
	) {
		return { compliant: false, reason: 'notice_too_short' };
	}
	return { compliant: true };
}
