/**
 * The month's backup compliance shown beside the SLA: per machine and in total, the expected
 * slots of the month already due (expected.ts) against the backups received for them, in time or
 * late. A machine that never sent a backup has no series yet ("no backup yet", not missing).
 *
 * Pure module: no DB.
 */
import type { BackupSchedule } from '../contracts/settings-schema';
import { DAY_MS, zonedInstant } from '../calendar/zoned';
import { compliance, expectedSlots, slotState, type BackupForSlot } from './expected';
import type { ExpectationState } from '../../domain/backups';

export interface MachineBackups {
	key: string;
	name: string;
	/** Start of the machine's first backup ever, or null when it never sent one. */
	firstBackupAt: Date | null;
	/** Its backups from a month before the month on (slots at the month's start look back). */
	backups: readonly BackupForSlot[];
}

export interface ComplianceInput {
	/** 'YYYY-MM' in the client's time zone. */
	month: string;
	timeZone: string;
	schedules: readonly BackupSchedule[];
	graceHours: number;
	commissionedAt: Date | null;
	machines: readonly MachineBackups[];
	now: Date;
}

export interface ComplianceFigures {
	expected: number;
	received: number;
	percent: number | null;
}

export interface MachineCompliance extends ComplianceFigures {
	key: string;
	name: string;
	noBackupYet: boolean;
}

/** The instants where a local month starts and ends. */
export function monthBounds(month: string, timeZone: string): { start: Date; end: Date } {
	const [y, mo] = month.split('-').map(Number);
	const first = Date.UTC(y, mo - 1, 1) / DAY_MS;
	const next = Date.UTC(y, mo, 1) / DAY_MS;
	return {
		start: new Date(zonedInstant(first, 0, timeZone)),
		end: new Date(zonedInstant(next, 0, timeZone))
	};
}

/** The slot states of one machine for the month: slots due inside it, up to now. */
function machineStates(input: ComplianceInput, machine: MachineBackups): ExpectationState[] {
	if (!machine.firstBackupAt) return [];
	const { start, end } = monthBounds(input.month, input.timeZone);
	// Nothing is owed before the month, nor before the service was commissioned.
	const owedFrom = Math.max(start.getTime(), input.commissionedAt?.getTime() ?? 0);
	const until = new Date(Math.min(end.getTime(), input.now.getTime()));
	const seriesStart = new Date(
		Math.max(start.getTime(), machine.firstBackupAt.getTime(), input.commissionedAt?.getTime() ?? 0)
	);
	if (seriesStart >= until) return [];
	return input.schedules.flatMap((schedule) =>
		expectedSlots(schedule, input.timeZone, seriesStart, until, input.graceHours)
			.filter((slot) => slot.dueAt.getTime() >= owedFrom)
			.map((slot) => slotState(schedule, slot, machine.backups, input.now).state)
	);
}

export function monthCompliance(input: ComplianceInput): {
	month: string;
	machines: MachineCompliance[];
	total: ComplianceFigures;
} {
	const all: ExpectationState[] = [];
	const machines = input.machines.map((machine) => {
		const states = machineStates(input, machine);
		all.push(...states);
		return {
			key: machine.key,
			name: machine.name,
			noBackupYet: machine.firstBackupAt === null,
			...compliance(states)
		};
	});
	return { month: input.month, machines, total: compliance(all) };
}
