import { describe, expect, it } from 'vitest';
import { foldSamples, spliceTimeline, staleAfterMs, type TimelineSample } from './timeline';

const t = (minute: number) => new Date(Date.UTC(2026, 9, 5, 8, minute));
const s = (minute: number, status: TimelineSample['status']): TimelineSample => ({
	at: t(minute),
	status
});
const STALE = staleAfterMs(60); // 3 missed one-minute intervals

describe('foldSamples (the monitoring timeline availability is computed from)', () => {
	it('holds a state until a sample says otherwise, the last period open', () => {
		const periods = foldSamples(
			[s(0, 'up'), s(1, 'up'), s(2, 'down'), s(3, 'down'), s(4, 'up')],
			STALE,
			t(5)
		);
		expect(periods).toEqual([
			{ status: 'up', from: t(0), to: t(2) },
			{ status: 'down', from: t(2), to: t(4) },
			{ status: 'up', from: t(4), to: null }
		]);
	});

	it('turns a silence of more than three intervals into an unknown gap', () => {
		const periods = foldSamples([s(0, 'up'), s(10, 'up')], STALE, t(11));
		expect(periods).toEqual([
			{ status: 'up', from: t(0), to: t(3) },
			{ status: 'unknown', from: t(3), to: t(10) },
			{ status: 'up', from: t(10), to: null }
		]);
	});

	it('a silence of exactly three intervals is not yet a gap', () => {
		expect(foldSamples([s(0, 'down'), s(3, 'down')], STALE, t(3))).toEqual([
			{ status: 'down', from: t(0), to: null }
		]);
	});

	it('ends in an open unknown period when the silence runs up to now', () => {
		expect(foldSamples([s(0, 'degraded')], STALE, t(20))).toEqual([
			{ status: 'degraded', from: t(0), to: t(3) },
			{ status: 'unknown', from: t(3), to: null }
		]);
	});

	it('ignores a repeated instant', () => {
		expect(foldSamples([s(0, 'up'), s(0, 'down'), s(1, 'up')], STALE, t(1))).toEqual([
			{ status: 'up', from: t(0), to: null }
		]);
	});

	it('gives nothing for no samples', () => {
		expect(foldSamples([], STALE, t(0))).toEqual([]);
	});
});

describe('spliceTimeline', () => {
	it('extends the stored period when the rebuilt stretch starts in the same state', () => {
		const stored = { id: 7, status: 'up' as const, from: t(0), to: null };
		const rebuilt = foldSamples([s(5, 'up'), s(6, 'down')], STALE, t(6));
		expect(spliceTimeline(stored, rebuilt)).toEqual({
			extend: { id: 7, to: t(6) },
			insert: [{ status: 'down', from: t(6), to: null }]
		});
	});

	it('writes nothing to the stored period when a live sample only confirms it', () => {
		const stored = { id: 7, status: 'up' as const, from: t(0), to: null };
		expect(spliceTimeline(stored, foldSamples([s(5, 'up'), s(6, 'up')], STALE, t(6)))).toEqual({
			extend: null,
			insert: []
		});
	});

	it('cuts the stored period where a backfilled sample in another state begins', () => {
		const stored = { id: 3, status: 'unknown' as const, from: t(3), to: t(10) };
		const rebuilt = foldSamples([s(5, 'down'), s(7, 'down'), s(10, 'up')], STALE, t(11));
		expect(spliceTimeline(stored, rebuilt)).toEqual({
			extend: { id: 3, to: t(5) },
			insert: [
				{ status: 'down', from: t(5), to: t(10) },
				{ status: 'up', from: t(10), to: null }
			]
		});
	});

	it('inserts the whole stretch when nothing stored reaches it', () => {
		const rebuilt = foldSamples([s(0, 'up')], STALE, t(0));
		expect(spliceTimeline(null, rebuilt)).toEqual({ extend: null, insert: rebuilt });
	});
});
