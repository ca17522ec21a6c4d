import type { ComponentStatus } from './events';

interface Change {
	status: ComponentStatus;
	since: string;
}

/** The listed components with the live state changes applied, matched by `key`. */
export function withStatusChanges<T extends { status: ComponentStatus; since: string | null }>(
	items: T[],
	changes: Map<string, Change>,
	key: (item: T) => string
): T[] {
	return items.map((item) => {
		const change = changes.get(key(item));
		return change ? { ...item, status: change.status, since: change.since } : item;
	});
}
