import { invalidateAll } from '$app/navigation';
import type { LiveConnection } from '$lib/live/connection.svelte';

/** Status changes arrive in bursts every few seconds: one reload per second at most. */
const STATUS_DEBOUNCE_MS = 1000;
const SLA_DEBOUNCE_MS = 50;

/**
 * Keeps an SLA page current: any `sla.changed` (reopening, new qualification, credit request) or
 * `maintenance.*` of this client reloads it; status changes reload it only while it shows the current
 * month, and only batches that carry a change (the simulator's metric-only batches do not).
 */
export function followSla(
	live: LiveConnection,
	clientSlug: string,
	showsCurrentMonth: () => boolean
) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const refresh = (delay: number) => {
		if (timer) return;
		timer = setTimeout(() => {
			timer = undefined;
			void invalidateAll();
		}, delay);
	};
	const offs = [
		live.on('sla.changed', (e) => {
			if (e.kind === 'sla.changed' && e.payload.clientSlug === clientSlug) refresh(SLA_DEBOUNCE_MS);
		}),
		live.on('maintenance.', (e) => {
			if ('clientSlug' in e.payload && e.payload.clientSlug === clientSlug)
				refresh(SLA_DEBOUNCE_MS);
		}),
		live.on('monitor.batch', (e) => {
			if (
				e.kind === 'monitor.batch' &&
				e.payload.clientSlug === clientSlug &&
				e.payload.changes.length > 0 &&
				showsCurrentMonth()
			) {
				refresh(STATUS_DEBOUNCE_MS);
			}
		}),
		live.onResync(() => refresh(SLA_DEBOUNCE_MS))
	];
	return () => {
		clearTimeout(timer);
		offs.forEach((off) => off());
	};
}
