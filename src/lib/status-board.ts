/**
 * How a status page lays out many components: what is wrong first (worst first), then the
 * healthy ones grouped by kind, each group folded once it is long.
 */
import { COMPONENT_KINDS } from './domain/status';
import { displayStatus, type DisplayStatus, type StatusItem } from './monitoring';

/** A group this long or shorter starts open. */
export const GROUP_OPEN_UP_TO = 10;

const ATTENTION_ORDER: DisplayStatus[] = ['down', 'degraded', 'maintenance', 'unknown'];

export interface KindGroup<T> {
	kind: string;
	items: T[];
}

export function statusBoard<T extends StatusItem>(
	items: T[]
): { attention: T[]; groups: KindGroup<T>[] } {
	const attention: T[] = [];
	const byKind = new Map<string, T[]>();
	for (const item of items) {
		if (displayStatus(item) !== 'up') attention.push(item);
		else {
			let group = byKind.get(item.kind);
			if (!group) byKind.set(item.kind, (group = []));
			group.push(item);
		}
	}
	const rank = (kind: string) => {
		const i = (COMPONENT_KINDS as readonly string[]).indexOf(kind);
		return i === -1 ? COMPONENT_KINDS.length : i;
	};
	const groups = [...byKind]
		.map(([kind, members]) => ({ kind, items: members }))
		.sort((a, b) => rank(a.kind) - rank(b.kind) || a.kind.localeCompare(b.kind));
	attention.sort(
		(a, b) => ATTENTION_ORDER.indexOf(displayStatus(a)) - ATTENTION_ORDER.indexOf(displayStatus(b))
	);
	return { attention, groups };
}

/** The slice of a list a pager shows, its page kept within the list as the list shrinks. */
export function pageOf<T>(items: T[], page: number, pageSize: number) {
	const pages = Math.max(1, Math.ceil(items.length / pageSize));
	const current = Math.min(Math.max(0, page), pages - 1);
	return {
		page: current,
		pages,
		from: items.length === 0 ? 0 : current * pageSize + 1,
		to: Math.min(items.length, (current + 1) * pageSize),
		items: items.slice(current * pageSize, (current + 1) * pageSize)
	};
}
