/** The maintenance windows a feed may show, read once per request of the feed. */
import { and, asc, eq, gt, inArray, isNotNull, or, type SQL } from 'drizzle-orm';
import { portalOrigin } from '../incidents/context';
import type { Actor } from '../context';
import { getDb } from '../db';
import { client, component, maintenance, maintenanceComponent } from '../db/schema';
import { isPublicNotice } from '../status/public-notices-rules';
import type { FeedWindow } from './calendar';

/** Windows that ended longer ago than this are left out: a calendar needs the recent past only. */
const PAST_DAYS = 180;
const MAX_WINDOWS = 2000;

/** Who reads the feed: staff (every client), a member (their client + the public windows) or anyone. */
export type FeedReader = Extract<Actor, { kind: 'staff' } | { kind: 'member' }> | null;

const publicWindows = () =>
	inArray(
		maintenance.id,
		getDb()
			.select({ id: maintenanceComponent.maintenanceId })
			.from(maintenanceComponent)
			.innerJoin(
				component,
				and(eq(component.id, maintenanceComponent.componentId), eq(component.public, true))
			)
	);

/**
 * Published and cancelled windows (never a draft, nor a draft cancelled unpublished) the reader
 * may see. A window of another client is shown only when public (every component public: the
 * shared infrastructure), and then as /status shows it: title, times, public components, no
 * description, no reason, no client.
 */
export async function feedWindows(reader: FeedReader, now = new Date()): Promise<FeedWindow[]> {
	const ownClient = reader?.kind === 'member' ? reader.clientId : null;
	const scope: SQL | undefined =
		reader?.kind === 'staff'
			? undefined
			: ownClient
				? or(eq(maintenance.clientId, ownClient), publicWindows())
				: publicWindows();
	const rows = await getDb()
		.select({
			w: maintenance,
			clientSlug: client.slug,
			clientName: client.name,
			componentName: component.name,
			componentPublic: component.public
		})
		.from(maintenance)
		.innerJoin(client, eq(client.id, maintenance.clientId))
		.innerJoin(maintenanceComponent, eq(maintenanceComponent.maintenanceId, maintenance.id))
		.innerJoin(component, eq(component.id, maintenanceComponent.componentId))
		.where(
			and(
				isNotNull(maintenance.announcedAt),
				inArray(maintenance.state, ['published', 'cancelled']),
				gt(maintenance.endAt, new Date(now.getTime() - PAST_DAYS * 86_400_000)),
				scope
			)
		)
		.orderBy(asc(maintenance.startAt), asc(maintenance.id), asc(component.name))
		.limit(MAX_WINDOWS * 10);
	const byId = new Map<string, { row: (typeof rows)[number]; names: string[]; flags: boolean[] }>();
	for (const row of rows) {
		const entry = byId.get(row.w.id) ?? { row, names: [], flags: [] };
		entry.names.push(row.componentName);
		entry.flags.push(row.componentPublic);
		byId.set(row.w.id, entry);
	}
	const origin = portalOrigin();
	const windows: FeedWindow[] = [];
	for (const { row, names, flags } of byId.values()) {
		const full = reader?.kind === 'staff' || row.w.clientId === ownClient;
		if (!full && !isPublicNotice(flags)) continue;
		const w = row.w;
		windows.push({
			id: w.id,
			title: w.title,
			description: full ? w.description : null,
			start: w.startAt,
			end: w.endAt,
			cancelled: w.state === 'cancelled',
			cancelReason: full ? w.cancelReason : null,
			sequence: w.sequence,
			updatedAt: w.updatedAt,
			components: full ? names : names.filter((_, i) => flags[i]),
			...(reader?.kind === 'staff' ? { clientName: row.clientName } : {}),
			url: full ? `${origin}/app/${row.clientSlug}/maintenance` : `${origin}/status`
		});
		if (windows.length >= MAX_WINDOWS) break;
	}
	return windows;
}
