/**
 * One value per key, current while the key's version has not moved past the version it was
 * computed at. A newer version whose changes `unchangedSince` finds irrelevant extends the value
 * instead. What changes without a version (the minutes of today) goes stale by time: past
 * `ttlMs` the value is served once more while a fresh one is computed behind it. Requests that
 * miss together share one computation; a failed computation is forgotten. The oldest keys go
 * first beyond `maxEntries`.
 */
interface Entry<V> {
	version: number;
	at: number;
	value: Promise<V>;
	refreshing: boolean;
}

export class VersionedCache<V> {
	readonly #entries = new Map<string, Entry<V>>();

	constructor(
		private readonly ttlMs: number,
		private readonly maxEntries: number,
		private readonly clock: () => number = Date.now
	) {}

	async get(
		key: string,
		version: number,
		compute: () => Promise<V>,
		unchangedSince?: (version: number) => Promise<boolean>
	): Promise<V> {
		const known = this.#entries.get(key);
		if (known) {
			let current = known.version >= version;
			if (!current && unchangedSince && (await unchangedSince(known.version))) {
				known.version = Math.max(known.version, version);
				current = true;
			}
			if (current) {
				if (this.clock() - known.at >= this.ttlMs && !known.refreshing)
					this.#refresh(key, known, version, compute);
				return known.value;
			}
		}
		return this.#store(key, { version, at: this.clock(), value: compute(), refreshing: false })
			.value;
	}

	#refresh(key: string, stale: Entry<V>, version: number, compute: () => Promise<V>) {
		stale.refreshing = true;
		const at = this.clock();
		const value = compute();
		value.then(
			() => {
				if (this.#entries.get(key) === stale)
					this.#store(key, {
						version: Math.max(version, stale.version),
						at,
						value,
						refreshing: false
					});
			},
			() => {
				if (this.#entries.get(key) === stale) this.#entries.delete(key);
			}
		);
	}

	#store(key: string, entry: Entry<V>): Entry<V> {
		entry.value.catch(() => {
			if (this.#entries.get(key) === entry) this.#entries.delete(key);
		});
		this.#entries.delete(key);
		this.#entries.set(key, entry);
		if (this.#entries.size > this.maxEntries)
			this.#entries.delete(this.#entries.keys().next().value!);
		return entry;
	}
}
