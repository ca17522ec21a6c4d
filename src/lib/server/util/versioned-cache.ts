/**
 * One value per key that stays good while the key's version has not moved past the version it
 * was computed at, and for at most `ttlMs` (what changes without a version, such as the
 * minutes of today, goes stale by time). Requests that miss together share one computation; a
 * failed computation is forgotten. The oldest keys go first beyond `maxEntries`.
 */
export class VersionedCache<V> {
	readonly #entries = new Map<string, { version: number; at: number; value: Promise<V> }>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
		private readonly clock: () => number = Date.now
	) {}

	get(key: string, version: number, compute: () => Promise<V>): Promise<V> {
		const now = this.clock();
		const known = this.#entries.get(key);
		if (known && known.version >= version && now - known.at < this.ttlMs) return known.value;
		const entry = { version, at: now, value: compute() };
		entry.value.catch(() => {
			if (this.#entries.get(key) === entry) this.#entries.delete(key);
		});
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		if (this.#entries.size > this.maxEntries)
			this.#entries.delete(this.#entries.keys().next().value!);
		return entry.value;
	}
}
