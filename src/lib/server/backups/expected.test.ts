import { describe, expect, it } from 'vitest';
import { PRESETS } from '../contracts/presets';
import type { BackupSchedule } from '../contracts/settings-schema';
import { compliance, expectedSlots, nextExpected, slotState, type BackupForSlot } from './expected';

const TZ = 'Europe/Paris';
const at = (iso: string) => new Date(iso);
const [alteoDb] = PRESETS.alteo.backups.schedules;
const daily22: BackupSchedule = alteoDb;

function backup(startedAt: string, receivedAt = startedAt, extra: Partial<BackupForSlot> = {}) {
	return {
		id: startedAt,
		kind: 'data_full',
		scope: 'databases',
		startedAt: at(startedAt),
		receivedAt: at(receivedAt),
		status: 'succeeded',
		...extra
	} satisfies BackupForSlot;
}

describe('expected slots (001 §4.5: databases daily at 22:00, client time)', () => {
	const slots = expectedSlots(
		daily22,
		TZ,
		at('2026-10-22T20:00:00Z'),
		at('2026-10-27T00:00:00Z'),
		3
	);

	it('expects one a day, weekends included, at 22:00 local across the DST change', () => {
		expect(slots.map((s) => s.dueAt.toISOString())).toEqual([
			'2026-10-22T20:00:00.000Z', // Thu, CEST (+2)
			'2026-10-23T20:00:00.000Z', // Fri
			'2026-10-24T20:00:00.000Z', // Sat
			'2026-10-25T21:00:00.000Z', // Sun: clocks went back at 03:00, CET (+1)
			'2026-10-26T21:00:00.000Z' // Mon
		]);
		expect(slots[3].deadlineAt.toISOString()).toBe('2026-10-26T00:00:00.000Z'); // + 3 h grace
		expect(slots[0].scheduleKey).toBe('data_full/daily/databases');
	});

	it('flags the weekend backups missing, the DST Sunday received, the Monday late', () => {
		const backups = [
			backup('2026-10-22T20:00:00Z'),
			backup('2026-10-23T20:01:00Z'),
			backup('2026-10-25T21:05:00Z'),
			backup('2026-10-26T21:00:00Z', '2026-10-27T01:00:00Z')
		];
		const now = at('2026-10-27T08:00:00Z');
		const states = slots.map((s) => slotState(daily22, s, backups, now).state);
		expect(states).toEqual(['received', 'received', 'missing', 'received', 'late']);
		expect(compliance(states)).toEqual({ expected: 5, received: 4, percent: 80 });
	});

	it('is pending until the grace has passed, then missing', () => {
		const friday = slots[1];
		expect(slotState(daily22, friday, [], at('2026-10-23T22:59:00Z')).state).toBe('pending');
		expect(slotState(daily22, friday, [], at('2026-10-23T23:00:00Z')).state).toBe('missing');
	});

	it('does not count a failed backup, nor one of another scope', () => {
		const friday = slots[1];
		const failed = backup('2026-10-23T20:00:00Z', undefined, { status: 'failed' });
		const files = backup('2026-10-23T20:00:00Z', undefined, { scope: 'files' });
		expect(slotState(daily22, friday, [failed, files], at('2026-10-24T08:00:00Z')).state).toBe(
			'missing'
		);
	});

	it('expects a backup on a public holiday (11 November) like any day', () => {
		const s = expectedSlots(daily22, TZ, at('2026-11-10T12:00:00Z'), at('2026-11-12T12:00:00Z'), 3);
		expect(s.map((x) => x.dueAt.toISOString())).toEqual([
			'2026-11-10T21:00:00.000Z',
			'2026-11-11T21:00:00.000Z'
		]);
		expect(slotState(daily22, s[1], [], at('2026-11-12T08:00:00Z')).state).toBe('missing');
	});

	it('starts the series at the first backup: nothing expected before it', () => {
		const s = expectedSlots(daily22, TZ, at('2026-10-24T20:10:00Z'), at('2026-10-26T00:00:00Z'), 3);
		expect(s.map((x) => x.dueAt.toISOString())).toEqual([
			'2026-10-24T20:00:00.000Z',
			'2026-10-25T21:00:00.000Z'
		]);
	});
});

describe('schedules without a time (000 §1.8)', () => {
	const [monthly, weekly, daily] = PRESETS.softconcept.backups.schedules;

	it('a daily incremental is due by the end of the local day (23-hour DST day too)', () => {
		const s = expectedSlots(daily, TZ, at('2026-03-28T12:00:00Z'), at('2026-03-30T00:00:00Z'), 3);
		expect(s.map((x) => [x.windowStart.toISOString(), x.dueAt.toISOString()])).toEqual([
			['2026-03-27T23:00:00.000Z', '2026-03-28T23:00:00.000Z'],
			['2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z']
		]);
	});

	it('a weekly full is due by the end of the ISO week, a monthly one by the end of the month', () => {
		const w = expectedSlots(weekly, TZ, at('2026-12-02T12:00:00Z'), at('2026-12-15T00:00:00Z'), 3);
		expect(w.map((x) => x.dueAt.toISOString())).toEqual([
			'2026-12-06T23:00:00.000Z',
			'2026-12-13T23:00:00.000Z'
		]);
		const m = expectedSlots(monthly, TZ, at('2026-10-15T12:00:00Z'), at('2026-12-01T00:00:00Z'), 3);
		expect(m.map((x) => x.dueAt.toISOString())).toEqual([
			'2026-10-31T23:00:00.000Z',
			'2026-11-30T23:00:00.000Z'
		]);
	});

	it('a weekly full on Sunday 02:00 (dobaas) is due then; the next one is announced', () => {
		const sunday = PRESETS.dobaas.backups.schedules[1];
		expect(nextExpected(sunday, TZ, at('2026-12-02T12:00:00Z')).toISOString()).toBe(
			'2026-12-06T01:00:00.000Z'
		);
	});
});
