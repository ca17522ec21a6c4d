import { describe, expect, it, vi } from 'vitest';
import { VersionedCache } from './versioned-cache';

function setup(ttlMs = 1000, maxEntries = 10) {
	let now = 0;
	const cache = new VersionedCache<string>(ttlMs, maxEntries, () => now);
	return { cache, tick: (ms: number) => (now += ms) };
}

describe('VersionedCache', () => {
	it('computes once per version, again when the version moves', async () => {
		const { cache } = setup();
		const compute = vi.fn(async () => `v${compute.mock.calls.length}`);
		expect(await cache.get('a', 1, compute)).toBe('v1');
		expect(await cache.get('a', 1, compute)).toBe('v1');
		expect(await cache.get('a', 2, compute)).toBe('v2');
		expect(compute).toHaveBeenCalledTimes(2);
	});

	it('shares one computation between requests that miss together', async () => {
		const { cache } = setup();
		let finish!: (v: string) => void;
		const compute = vi.fn(() => new Promise<string>((done) => (finish = done)));
		const both = Promise.all([cache.get('a', 1, compute), cache.get('a', 1, compute)]);
		finish('x');
		expect(await both).toEqual(['x', 'x']);
		expect(compute).toHaveBeenCalledTimes(1);
	});

	it('serves a newer value to a request that read an older version', async () => {
		const { cache } = setup();
		await cache.get('a', 5, async () => 'new');
		expect(await cache.get('a', 4, async () => 'old')).toBe('new');
	});

	it('past its time, is served once more while a fresh value is computed behind it', async () => {
		const { cache, tick } = setup(1000);
		await cache.get('a', 1, async () => 'first');
		tick(999);
		expect(await cache.get('a', 1, async () => 'unused')).toBe('first');
		tick(1);
		const compute = vi.fn(async () => 'second');
		expect(await cache.get('a', 1, compute)).toBe('first');
		expect(await cache.get('a', 1, compute)).toBe('second');
		expect(compute).toHaveBeenCalledTimes(1);
	});

	it('extends a value over a newer version whose changes do not matter', async () => {
		const { cache } = setup();
		await cache.get('a', 1, async () => 'first');
		const unchanged = vi.fn(async (since: number) => since === 1);
		expect(await cache.get('a', 3, async () => 'recomputed', unchanged)).toBe('first');
		expect(unchanged).toHaveBeenCalledWith(1);
		expect(await cache.get('a', 3, async () => 'unused')).toBe('first');
		expect(
			await cache.get(
				'a',
				4,
				async () => 'recomputed',
				async () => false
			)
		).toBe('recomputed');
	});

	it('keeps keys apart and forgets a failure', async () => {
		const { cache } = setup();
		await cache.get('a', 1, async () => 'a');
		expect(await cache.get('b', 1, async () => 'b')).toBe('b');
		await expect(cache.get('c', 1, () => Promise.reject(new Error('db')))).rejects.toThrow('db');
		expect(await cache.get('c', 1, async () => 'retried')).toBe('retried');
		expect(await cache.get('a', 1, async () => 'other')).toBe('a');
	});

	it('drops the oldest key beyond its size', async () => {
		const { cache } = setup(1000, 2);
		await cache.get('a', 1, async () => 'a');
		await cache.get('b', 1, async () => 'b');
		await cache.get('c', 1, async () => 'c');
		expect(await cache.get('a', 1, async () => 'a again')).toBe('a again');
		expect(await cache.get('c', 1, async () => 'c again')).toBe('c');
	});
});
