import { invalidateAll } from '$app/navigation';
import type { Subscription } from './listeners';
import type { LiveConnection } from './connection.svelte';

/** Reloads the page's data (not the page) when one of these events arrives; bursts coalesce. */
export function invalidateOn(live: LiveConnection, kinds: Subscription[]) {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const refresh = () => {
		clearTimeout(timer);
		timer = setTimeout(() => void invalidateAll(), 50);
	};
	const offs = [...kinds.map((k) => live.on(k, refresh)), live.onResync(refresh)];
	return () => {
		clearTimeout(timer);
		offs.forEach((off) => off());
	};
}
