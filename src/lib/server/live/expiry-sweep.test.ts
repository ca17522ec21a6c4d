import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ExpirySweep } from './expiry-sweep';

describe('one timer for every socket expiry', () => {
	beforeEach(() => {
		vi.useFakeTimers();
		vi.setSystemTime(0);
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	/** `answers` decides, per item, its new expiry (extended) or null (ended). */
	function sweepWith(answers: (item: string) => number | null) {
		const checked: string[][] = [];
		const sweep = new ExpirySweep<string>(
			async (items) => {
				checked.push(items);
				return new Map(items.map((item) => [item, answers(item)]));
			},
			(e) => {
				throw e;
			}
		);
		return { sweep, checked };
	}

	it('checks each item a second after its expiry, the earliest first, and drops the ended ones', async () => {
		const { sweep, checked } = sweepWith(() => null);
		sweep.add('late', 10_000);
		sweep.add('early', 5_000);
		await vi.advanceTimersByTimeAsync(5_999);
		expect(checked).toEqual([]);
		await vi.advanceTimersByTimeAsync(1);
		expect(checked).toEqual([['early']]);
		await vi.advanceTimersByTimeAsync(5_000);
		expect(checked).toEqual([['early'], ['late']]);
		expect(sweep.size).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('checks an extended session again at its new expiry', async () => {
		const { sweep, checked } = sweepWith((item) => (item === 'kept' ? 20_000 : null));
		sweep.add('kept', 5_000);
		await vi.advanceTimersByTimeAsync(6_000);
		expect(sweep.size).toBe(1);
		await vi.advanceTimersByTimeAsync(14_999);
		expect(checked).toHaveLength(1);
		await vi.advanceTimersByTimeAsync(1);
		expect(checked).toEqual([['kept'], ['kept']]);
	});

	it('hands items due together to one check', async () => {
		const { sweep, checked } = sweepWith(() => null);
		sweep.add('a', 5_000);
		sweep.add('b', 5_000);
		await vi.advanceTimersByTimeAsync(6_000);
		expect(checked).toEqual([['a', 'b']]);
	});

	it('forgets a deleted item, even while its check is under way', async () => {
		let answer: (value: Map<string, number | null>) => void = () => {};
		const sweep = new ExpirySweep<string>(
			() => new Promise((done) => (answer = done)),
			() => {}
		);
		sweep.add('gone', 1_000);
		sweep.add('left', 3_000);
		sweep.delete('left');
		await vi.advanceTimersByTimeAsync(2_000);
		sweep.delete('gone');
		answer(new Map([['gone', 50_000]]));
		await vi.advanceTimersByTimeAsync(0);
		expect(sweep.size).toBe(0);
		expect(vi.getTimerCount()).toBe(0);
	});

	it('waits beyond what one setTimeout allows (~24.8 days)', async () => {
		const { sweep, checked } = sweepWith(() => null);
		const in30Days = 30 * 86_400_000;
		sweep.add('a', in30Days);
		await vi.advanceTimersByTimeAsync(in30Days);
		expect(checked).toEqual([]);
		await vi.advanceTimersByTimeAsync(1_000);
		expect(checked).toEqual([['a']]);
	});
});
