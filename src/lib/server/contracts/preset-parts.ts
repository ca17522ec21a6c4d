/**
 * What the presets share: the 000 §2 deadline table and the portal's own choices the contracts
 * are silent on.
 */
import type { ContractSettings } from './settings-schema';
import { weekly, type TimeSlot } from './schedule';

export const MON_FRI = (slots: TimeSlot[]) =>
	weekly({ mon: slots, tue: slots, wed: slots, thu: slots, fri: slots });

/** The 000 §2 table: acknowledge / resolve per severity. */
const DEADLINES = {
	critical: { acknowledge: { amount: 1, unit: 'hours' }, resolve: { amount: 4, unit: 'hours' } },
	major: { acknowledge: { amount: 2, unit: 'hours' }, resolve: { amount: 1, unit: 'days' } },
	minor: { acknowledge: { amount: 1, unit: 'days' }, resolve: { amount: 3, unit: 'days' } },
	information_request: {
		acknowledge: { amount: 1, unit: 'days' },
		resolve: { amount: 3, unit: 'days' }
	}
} as const satisfies Record<string, Omit<ContractSettings['incidents']['critical'], 'clock'>>;

type Clock = 'business' | 'calendar';
export function incidentDeadlines(
	critical: Clock,
	major: Clock = critical,
	minor = major,
	info = minor
) {
	const mk = (d: (typeof DEADLINES)[keyof typeof DEADLINES], clock: Clock) => ({
		acknowledge: { ...d.acknowledge },
		resolve: { ...d.resolve },
		clock
	});
	return {
		critical: mk(DEADLINES.critical, critical),
		major: mk(DEADLINES.major, major),
		minor: mk(DEADLINES.minor, minor),
		information_request: mk(DEADLINES.information_request, info)
	};
}

/** Values shared by every preset: portal choices the contracts are silent on. */
export const INCIDENT_COMMON = {
	atRiskPercent: 75,
	reopenWithinDays: 7,
	autoOpenAfterDownMinutes: 5
};
