import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import type { BackupForSlot } from './expected';
import { monthBounds, monthCompliance, type ComplianceInput } from './compliance';

const TZ = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
// 001 §4.5 (alteo): databases daily at 22:00, client time.
const schedules = PRESETS.alteo.backups.schedules.slice(0, 1);

function backup(startedAt: string, receivedAt = startedAt): BackupForSlot {
	return {
		id: startedAt,
		kind: schedules[0].kind,
		scope: schedules[0].scope ?? null,
		startedAt: at(startedAt),
		receivedAt: at(receivedAt),
		status: 'succeeded'
	};
}

/** Every 22:00 Paris backup of October 2026 (CEST until the 25th, CET after). */
const october = Array.from({ length: 31 }, (_, i) => {
	const day = String(i + 1).padStart(2, '0');
	return backup(`2026-10-${day}T${i + 1 >= 25 ? '21' : '20'}:00:00Z`);
});

const input = (over: Partial<ComplianceInput>): ComplianceInput => ({
	month: '2026-10',
	timeZone: TZ,
	schedules,
	graceHours: 3,
	commissionedAt: at('2026-01-01T00:00:00Z'),
	machines: [],
	now: at('2026-11-01T12:00:00Z'),
	...over
});

describe('month bounds in the client time zone', () => {
	it('October 2026 in Paris starts at 22:00 UTC the day before and lasts 745 hours', () => {
		const { start, end } = monthBounds('2026-10', TZ);
		expect(start.toISOString()).toBe('2026-09-30T22:00:00.000Z');
		expect((end.getTime() - start.getTime()) / 3_600_000).toBe(745);
	});
});

describe("the month's backup compliance (received / expected, beside the SLA)", () => {
	it('counts 31 expected slots in October, the DST day included, all received', () => {
		const result = monthCompliance(
			input({
				machines: [
					{
						key: 'srv',
						name: 'Server',
						firstBackupAt: at('2026-01-05T20:00:00Z'),
						backups: october
					}
				]
			})
		);
		expect(result.machines[0]).toMatchObject({ expected: 31, received: 31, percent: 100 });
		expect(result.total).toEqual({ expected: 31, received: 31, percent: 100 });
	});

	it('a missing night lowers it; a late one still counts as received', () => {
		const backups = october
			.filter((b) => b.id !== '2026-10-10T20:00:00Z')
			.map((b) => (b.id === '2026-10-11T20:00:00Z' ? backup(b.id, '2026-10-12T06:00:00Z') : b));
		const result = monthCompliance(
			input({
				machines: [
					{ key: 'srv', name: 'Server', firstBackupAt: at('2026-01-05T20:00:00Z'), backups }
				]
			})
		);
		expect(result.machines[0]).toMatchObject({ expected: 31, received: 30, percent: 96.7 });
	});

	it('counts only the slots already due (mid-month), not the pending one of tonight', () => {
		const result = monthCompliance(
			input({
				now: at('2026-10-10T21:00:00Z'),
				machines: [
					{
						key: 'srv',
						name: 'Server',
						firstBackupAt: at('2026-01-05T20:00:00Z'),
						backups: october.slice(0, 9)
					}
				]
			})
		);
		// 1st–9th are due; the 10th at 22:00 has not come yet and is still inside its 3 h grace.
		expect(result.total).toEqual({ expected: 9, received: 9, percent: 100 });
	});

	it('starts at the first backup, and a machine that never sent one expects nothing yet', () => {
		const result = monthCompliance(
			input({
				machines: [
					{
						key: 'new',
						name: 'New server',
						firstBackupAt: at('2026-10-20T20:00:00Z'),
						backups: october.slice(19)
					},
					{ key: 'idle', name: 'Idle server', firstBackupAt: null, backups: [] }
				]
			})
		);
		expect(result.machines[0]).toMatchObject({ expected: 12, received: 12, noBackupYet: false });
		expect(result.machines[1]).toMatchObject({
			expected: 0,
			received: 0,
			percent: null,
			noBackupYet: true
		});
		expect(result.total).toEqual({ expected: 12, received: 12, percent: 100 });
	});

	it('nothing before the commissioning, nor in a month that has not started', () => {
		const machines = [
			{ key: 'srv', name: 'Server', firstBackupAt: at('2026-01-05T20:00:00Z'), backups: october }
		];
		const commissioned = monthCompliance(
			input({ commissionedAt: at('2026-10-30T00:00:00Z'), machines })
		);
		expect(commissioned.total.expected).toBe(2);
		const future = monthCompliance(input({ month: '2026-12', machines }));
		expect(future.total).toEqual({ expected: 0, received: 0, percent: null });
	});
});
