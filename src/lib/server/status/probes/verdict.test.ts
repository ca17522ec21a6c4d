import { describe, expect, it } from 'vitest';
import { verdict, type ProbeState } from './verdict';

const rules = { failuresBeforeDown: 3, degradedAboveMs: 500 };
const fail = { ok: false, latencyMs: 5000, error: 'timeout' };
const fast = { ok: true, latencyMs: 40 };
const slow = { ok: true, latencyMs: 900 };

function replay(
	results: (typeof fail | typeof fast)[],
	start: ProbeState = { consecutiveFailures: 0, lastStatus: null }
) {
	let state = start;
	return results.map((r) => {
		const v = verdict(state, r, rules);
		state = { consecutiveFailures: v.consecutiveFailures, lastStatus: v.status };
		return v.status;
	});
}

describe('probe verdict', () => {
	it('is up on a fast success and degraded above the threshold', () => {
		expect(verdict({ consecutiveFailures: 0, lastStatus: null }, fast, rules)).toEqual({
			status: 'up',
			consecutiveFailures: 0
		});
		expect(verdict({ consecutiveFailures: 0, lastStatus: 'up' }, slow, rules).status).toBe(
			'degraded'
		);
	});

	it('never degrades without a threshold, and a latency equal to it is still up', () => {
		expect(
			verdict({ consecutiveFailures: 0, lastStatus: 'up' }, slow, {
				...rules,
				degradedAboveMs: null
			}).status
		).toBe('up');
		expect(
			verdict({ consecutiveFailures: 0, lastStatus: 'up' }, { ok: true, latencyMs: 500 }, rules)
				.status
		).toBe('up');
	});

	it('goes down only at the Nth failure in a row, holding the confirmed state until then', () => {
		expect(replay([fast, fail, fail, fail, fail])).toEqual(['up', 'up', 'up', 'down', 'down']);
	});

	it('holds a confirmed degraded state through early failures', () => {
		expect(replay([slow, fail, fail, fail])).toEqual(['degraded', 'degraded', 'degraded', 'down']);
	});

	it('treats a first run without history as up until failures are confirmed', () => {
		expect(replay([fail, fail, fail])).toEqual(['up', 'up', 'down']);
	});

	it('resets the count on a success, so failures must be consecutive', () => {
		expect(replay([fail, fail, fast, fail, fail, fail])).toEqual([
			'up',
			'up',
			'up',
			'up',
			'up',
			'down'
		]);
	});

	it('is down at once with a threshold of one, and recovers on the next success', () => {
		const one = { ...rules, failuresBeforeDown: 1 };
		const down = verdict({ consecutiveFailures: 0, lastStatus: 'up' }, fail, one);
		expect(down).toEqual({ status: 'down', consecutiveFailures: 1 });
		expect(verdict({ consecutiveFailures: 1, lastStatus: 'down' }, fast, one)).toEqual({
			status: 'up',
			consecutiveFailures: 0
		});
	});
});
