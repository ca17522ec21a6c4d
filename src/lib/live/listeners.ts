import type { LiveEvent, LiveEventKind } from './events';

type Listener = (event: LiveEvent) => void;
export type Subscription = LiveEventKind | `${string}.`;

/** Listeners by event kind or by prefix (`component.`); plain, not reactive state. */
export class LiveListeners {
	private readonly byKey = new Map<string, Set<Listener>>();
	private readonly resync = new Set<() => void>();

	on(kind: Subscription, listener: Listener): () => void {
		let set = this.byKey.get(kind);
		if (!set) this.byKey.set(kind, (set = new Set()));
		set.add(listener);
		return () => set.delete(listener);
	}

	onResync(listener: () => void): () => void {
		this.resync.add(listener);
		return () => this.resync.delete(listener);
	}

	dispatch(e: LiveEvent) {
		const prefix = e.kind.slice(0, e.kind.indexOf('.') + 1);
		for (const key of [e.kind, prefix]) this.byKey.get(key)?.forEach((f) => f(e));
	}

	dispatchResync() {
		this.resync.forEach((f) => f());
	}
}

/** The last `size` event ids seen, to drop duplicates (replay and live may overlap). */
export class RecentIds {
	private readonly ids = new Set<number>();

	constructor(private readonly size: number) {}

	/** True the first time an id is seen. */
	add(id: number): boolean {
		if (this.ids.has(id)) return false;
		this.ids.add(id);
		if (this.ids.size > this.size) this.ids.delete(this.ids.values().next().value!);
		return true;
	}
}
