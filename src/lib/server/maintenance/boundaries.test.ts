import { describe, expect, it } from 'vitest';
import { dueBoundaries, markersAfterMove, type BoundaryWindow } from './boundaries';

const H = 3_600_000;
const start = new Date('2027-03-02T21:00:00Z');
const at = (hours: number) => new Date(start.getTime() + hours * H);
const w = (extra: Partial<BoundaryWindow> = {}): BoundaryWindow => ({
	start,
	end: at(1),
	announcedAt: at(-72),
	remindedAt: null,
	startedNotifiedAt: null,
	endedNotifiedAt: null,
	...extra
});

describe('dueBoundaries: reminder 24 h before, start and end mails (issue 11)', () => {
	it.each([
		[-25, []],
		[-24, [{ step: 'reminder', send: true }]],
		[-1, [{ step: 'reminder', send: true }]]
	])('%d h from the start', (hours, due) => expect(dueBoundaries(w(), at(hours))).toEqual(due));

	it('sends no reminder after a publication less than 24 h before the start', () => {
		expect(dueBoundaries(w({ announcedAt: at(-10) }), at(-5))).toEqual([
			{ step: 'reminder', send: false }
		]);
	});

	it('catches up after downtime: a stale reminder and a stale end are marked, not sent', () => {
		expect(dueBoundaries(w(), at(0.5))).toEqual([
			{ step: 'reminder', send: false },
			{ step: 'started', send: true }
		]);
		expect(dueBoundaries(w(), at(5))).toEqual([
			{ step: 'reminder', send: false },
			{ step: 'started', send: false },
			{ step: 'ended', send: false }
		]);
		expect(dueBoundaries(w({ remindedAt: at(-24), startedNotifiedAt: start }), at(1.5))).toEqual([
			{ step: 'ended', send: true }
		]);
	});

	it('is idempotent: marked steps are never due again', () => {
		const done = w({ remindedAt: at(-24), startedNotifiedAt: start, endedNotifiedAt: at(1) });
		expect(dueBoundaries(done, at(2))).toEqual([]);
	});

	it('clears the markers of the steps that lie ahead after a move', () => {
		expect(markersAfterMove(at(48), at(49), start)).toEqual({
			remindedAt: null,
			startedNotifiedAt: null,
			endedNotifiedAt: null
		});
		expect(markersAfterMove(at(-1), at(3), start)).toEqual({ endedNotifiedAt: null });
	});
});
