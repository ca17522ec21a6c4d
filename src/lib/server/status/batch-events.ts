import type { LiveEventPayloads, MetricPoint, StatusChange } from '$lib/live/events';
import type { EventInput } from '../live/outbox';
import { toDate } from './pg-time';
import type { RebuiltComponent } from './rebuild';

/** What a batch's events need of a component (read when it is locked). */
export interface ComponentInfo {
	id: string;
	key: string;
	public: boolean;
	client_id: string;
	client_slug: string;
	timezone: string;
	interval_seconds: number;
}

/** The minute bucket holding a component's newest sample of the batch: the live chart's point. */
export type PointRow = { component_id: string; bucket: string } & Omit<MetricPoint, 'at'>;

/** One event per client with its changes and points, and one for the public room when a public component changed state. */
export function batchEvents(
	components: Map<string, ComponentInfo>,
	rebuilt: RebuiltComponent[],
	points: PointRow[]
): EventInput[] {
	const byClient = new Map<
		string,
		{ slug: string; changes: StatusChange[]; points: ({ key: string } & MetricPoint)[] }
	>();
	const forClient = (c: ComponentInfo) => {
		let entry = byClient.get(c.client_id);
		if (!entry)
			byClient.set(c.client_id, (entry = { slug: c.client_slug, changes: [], points: [] }));
		return entry;
	};
	const publicChanges: LiveEventPayloads['public.status']['changes'] = [];
	for (const r of rebuilt) {
		const c = components.get(r.componentId);
		const after = r.after;
		if (!c || !after || r.before?.status === after.status) continue;
		const change = { key: c.key, status: after.status, since: after.since.toISOString() };
		forClient(c).changes.push(change);
		if (c.public) publicChanges.push({ id: c.id, status: change.status, since: change.since });
	}
	for (const { component_id, bucket, ...metrics } of points) {
		const c = components.get(component_id);
		if (c) forClient(c).points.push({ key: c.key, at: toDate(bucket).toISOString(), ...metrics });
	}
	const events: EventInput[] = [...byClient]
		.filter(([, e]) => e.changes.length + e.points.length > 0)
		.map(([clientId, e]) => ({
			clientId,
			kind: 'monitor.batch',
			payload: { clientSlug: e.slug, changes: e.changes, points: e.points }
		}));
	if (publicChanges.length > 0)
		events.push({
			clientId: null,
			kind: 'public.status',
			isPublic: true,
			payload: { changes: publicChanges }
		});
	return events;
}
