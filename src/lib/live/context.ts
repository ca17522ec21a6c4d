import { getContext, setContext } from 'svelte';
import type { LiveConnection } from './connection.svelte';

const KEY = Symbol('live');

export function provideLive(get: () => LiveConnection | undefined) {
	setContext(KEY, get);
}

/** The layout's live connection, or undefined during server rendering. */
export function useLive(): () => LiveConnection | undefined {
	return getContext<() => LiveConnection | undefined>(KEY) ?? (() => undefined);
}
