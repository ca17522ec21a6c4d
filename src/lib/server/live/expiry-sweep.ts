/** setTimeout takes at most ~24.8 days. */
const MAX_WAIT_MS = 2 ** 31 - 1;
/** Re-checked a little after the expiry, so that the session is surely past it. */
const GRACE_MS = 1000;

/**
 * One timer for every socket's session expiry, instead of a timer and a closure per socket: it is
 * armed at the earliest `expiresAt + 1 s`; when it fires, every item then due is handed to
 * `check`, which answers the new expiry (extended session) or null (gone: the item is dropped).
 */
export class ExpirySweep<T> {
	private readonly due = new Map<T, number>();
	/** Handed to `check` and not answered yet. */
	private readonly checking = new Set<T>();
	private timer: ReturnType<typeof setTimeout> | undefined;
	private armedAt = Infinity;

	constructor(
		private readonly check: (items: T[]) => Promise<Map<T, number | null>>,
		private readonly onError: (e: unknown) => void,
		private readonly now: () => number = Date.now
	) {}

	get size() {
		return this.due.size;
	}

	add(item: T, expiresAt: number) {
		this.due.set(item, expiresAt + GRACE_MS);
		if (expiresAt + GRACE_MS < this.armedAt) this.arm(expiresAt + GRACE_MS);
	}

	delete(item: T) {
		this.due.delete(item);
		this.checking.delete(item);
		if (this.due.size === 0) this.disarm();
	}

	private disarm() {
		clearTimeout(this.timer);
		this.timer = undefined;
		this.armedAt = Infinity;
	}

	private arm(at: number) {
		this.disarm();
		if (at === Infinity) return;
		this.armedAt = at;
		this.timer = setTimeout(() => this.fire(), Math.min(Math.max(0, at - this.now()), MAX_WAIT_MS));
		this.timer.unref();
	}

	private rearm() {
		let earliest = Infinity;
		for (const at of this.due.values()) earliest = Math.min(earliest, at);
		this.arm(earliest);
	}

	private fire() {
		this.disarm();
		const now = this.now();
		const items = [...this.due].filter(([, at]) => at <= now).map(([item]) => item);
		if (items.length === 0) return this.rearm();
		// Checked once: until the answer comes, they are not due again.
		for (const item of items) {
			this.due.delete(item);
			this.checking.add(item);
		}
		this.rearm();
		this.check(items)
			.then((answers) => {
				for (const [item, expiresAt] of answers) {
					if (this.checking.delete(item) && expiresAt !== null) this.add(item, expiresAt);
				}
			})
			.catch(this.onError)
			.finally(() => {
				for (const item of items) this.checking.delete(item);
			});
	}
}
