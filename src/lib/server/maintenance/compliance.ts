/**
 * Whether a planned maintenance was announced as the contract requires (000 §1.4, 001 §5.5): only a
 * compliant maintenance is excluded from availability.
 */
import { openMinutesBetween, type BusinessCalendar } from '../calendar/business-calendar';
import { localTime } from '../calendar/zoned';
import { CONTRACT_TIME_ZONE, type ContractSettings } from '../contracts/settings';

export const MAINTENANCE_KINDS = ['planned', 'network'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];

/** When a maintenance was planned and announced: what the notice rule reads of it. */
export interface MaintenanceTimes {
	start: Date;
	end: Date;
	announcedAt: Date;
	/** The client's recorded agreement (000 §1.4 written agreement), when given; a refusal is none. */
	approvedAt?: Date | null;
	/** Network works (001 §5.5); absent = unknown, see defaultKind. */
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

/** Every rule a window breaks (empty = compliant), and whether it needs the client's agreement. */
export interface NoticeAssessment {
	reasons: MaintenanceNonCompliance[];
	needsApproval: boolean;
}

/**
 * The kind of a window whose kind was not said: network works when the contract sets no
 * business-hour notice, since then 001 §5.5 is the only clause that makes an interruption planned.
 */
export const defaultKind = (settings: ContractSettings['maintenance']): MaintenanceKind =>
	settings.noticeBusinessHours === null ? 'network' : 'planned';

/** 000 §1.4 "si une opération devait excéder 1 heure … son accord écrit": strictly longer. */
export function needsApproval(
	m: Pick<MaintenanceTimes, 'start' | 'end'>,
	settings: ContractSettings['maintenance']
): boolean {
	const above = settings.longerThanMinutesNeedsApproval;
	return above !== null && m.end.getTime() - m.start.getTime() > above * 60_000;
}

/**
 * The rules, in order:
 * - the window ends after it starts, and the announcement precedes the start (else nothing more
 *   is checked);
 * - network works: announced at least `networkNoticeCalendarDays` calendar days before the start
 *   date, counted on the client's calendar (001 §5.5);
 * - longer than `longerThanMinutesNeedsApproval`: the client's agreement recorded before the start
 *   (000 §1.4 "planifiée avec LE CLIENT et avec son accord écrit"), which stands in for the notice;
 * - otherwise at least `noticeBusinessHours` of support hours (support hours minus public
 *   holidays) between announcement and start (000 §1.4 "48 heures ouvrées avant").
 */
export function assessNotice(
	m: MaintenanceTimes,
	settings: ContractSettings['maintenance'],
	support: BusinessCalendar,
	timeZone: string = CONTRACT_TIME_ZONE
): NoticeAssessment {
	const start = m.start.getTime();
	const approval = needsApproval(m, settings);
	if (!(start < m.end.getTime())) return { reasons: ['invalid_window'], needsApproval: false };
	if (!(m.announcedAt.getTime() < start))
		return { reasons: ['not_announced_before_start'], needsApproval: approval };

	const reasons: MaintenanceNonCompliance[] = [];
	const networkDays = settings.networkNoticeCalendarDays;
	const isNetwork = m.network ?? defaultKind(settings) === 'network';
	if (isNetwork && networkDays !== null) {
		const days = localTime(start, timeZone).day - localTime(m.announcedAt.getTime(), timeZone).day;
		if (days < networkDays) reasons.push('network_notice_too_short');
	}

	if (approval) {
		if (!(m.approvedAt != null && m.approvedAt.getTime() <= start))
			reasons.push('approval_missing');
		return { reasons, needsApproval: true };
	}

	const noticeHours = settings.noticeBusinessHours;
	if (
		noticeHours !== null &&
		openMinutesBetween(support, m.announcedAt, m.start) < noticeHours * 60
	) {
		reasons.push('notice_too_short');
	}
	return { reasons, needsApproval: false };
}

/** What the SLA engine reads: compliant or not, and the first rule broken. */
export function maintenanceCompliance(
	m: MaintenanceTimes,
	settings: ContractSettings['maintenance'],
	support: BusinessCalendar,
	timeZone: string = CONTRACT_TIME_ZONE
): Compliance {
	const [reason] = assessNotice(m, settings, support, timeZone).reasons;
	return reason ? { compliant: false, reason } : { compliant: true };
}
