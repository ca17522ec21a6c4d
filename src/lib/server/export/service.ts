import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { and, desc, eq, inArray } from 'drizzle-orm';
import { formatCalendarDate } from '$lib/calendar-date';
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { recordAudit } from '../audit/audit';
import { getContractEnd } from '../clients/end-of-contract';
import { getClientInScope } from '../clients/scope';
import { actorTokenId, actorUserId, type RequestContext } from '../context';
import { getDb } from '../db';
import { clientExport, type ClientExport } from '../db/schema';
import { conflict, isUniqueViolation, notFound, ServiceError } from '../errors';
import { appendEvent } from '../live/outbox';
import { authorize } from '../policy';
import { exportFilePath } from './context';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The page shows this many past exports; older rows stay in the database. */
export const EXPORTS_SHOWN = 20;

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** What the page and the API show of an export. */
export function exportView(row: ClientExport, slug: string) {
	return {
		id: row.id,
		status: row.status,
		percent: row.percent,
		step: row.step,
		sizeBytes: row.sizeBytes,
		sha256: row.sha256,
		error: row.error,
		requestedByName: row.requestedByName,
		requestedAt: row.requestedAt.toISOString(),
		finishedAt: iso(row.finishedAt),
		expiresAt: iso(row.expiresAt),
		downloadPath: row.status === 'ready' ? `/app/${slug}/export/${row.id}.zip` : null
	};
}
export type ExportView = ReturnType<typeof exportView>;

/** The 409 of a second ask: it carries the export under way, which the page and API show. */
export function exportUnderWay(running: ExportView): ServiceError {
	return new ServiceError('conflict', 409, m.export_already_running(), { fields: {}, running });
}

async function underWay(clientId: string) {
	const [row] = await getDb()
		.select()
		.from(clientExport)
		.where(
			and(eq(clientExport.clientId, clientId), inArray(clientExport.status, ['queued', 'running']))
		);
	return row;
}

/**
 * Asks for a full export (000 §1.9, 004 art. 10): queued for the export job; while one is
 * queued or running, a second ask is a 409 carrying it (the partial unique index settles a race).
 */
export async function requestExport(
	ctx: RequestContext,
	slug: string,
	now = new Date()
): Promise<ExportView> {
	const owner = await getClientInScope(getDb(), ctx, slug);
	authorize(ctx, 'export.request', { clientId: owner.id });
	const end = await getContractEnd(ctx, slug, now);
	if (end && !end.exportOpen)
		throw conflict(
			m.export_window_closed({ date: formatCalendarDate(end.exportClosesOn, getLocale()) })
		);
	const running = await underWay(owner.id);
	if (running) throw exportUnderWay(exportView(running, owner.slug));
	try {
		const row = await getDb().transaction(async (tx) => {
			const [row] = await tx
				.insert(clientExport)
				.values({
					clientId: owner.id,
					requestedBy: actorUserId(ctx),
					requestedByToken: actorTokenId(ctx),
					requestedByName: 'name' in ctx.actor ? ctx.actor.name : null,
					requestedAt: now
				})
				.returning();
			await recordAudit(tx, ctx, {
				action: 'export.requested',
				targetType: 'client_export',
				targetId: row.id,
				clientId: owner.id,
				after: row,
				at: now
			});
			await appendEvent(tx, {
				clientId: owner.id,
				kind: 'export.progress',
				payload: { clientSlug: owner.slug, id: row.id, status: row.status, percent: 0, step: null }
			});
			return row;
		});
		return exportView(row, owner.slug);
	} catch (e) {
		if (!isUniqueViolation(e)) throw e;
		const raced = await underWay(owner.id);
		if (raced) throw exportUnderWay(exportView(raced, owner.slug));
		throw e;
	}
}

/** The client's exports, newest first, and the one under way if any. */
export async function listExports(ctx: RequestContext, slug: string) {
	const owner = await getClientInScope(getDb(), ctx, slug);
	authorize(ctx, 'export.read', { clientId: owner.id });
	const rows = await getDb()
		.select()
		.from(clientExport)
		.where(eq(clientExport.clientId, owner.id))
		.orderBy(desc(clientExport.requestedAt))
		.limit(EXPORTS_SHOWN);
	const items = rows.map((r) => exportView(r, owner.slug));
	return {
		items,
		running: items.find((r) => r.status === 'queued' || r.status === 'running') ?? null
	};
}

async function exportInScope(ctx: RequestContext, slug: string, id: string) {
	const owner = await getClientInScope(getDb(), ctx, slug);
	authorize(ctx, 'export.read', { clientId: owner.id });
	if (!UUID.test(id)) throw notFound();
	const [row] = await getDb()
		.select()
		.from(clientExport)
		.where(and(eq(clientExport.clientId, owner.id), eq(clientExport.id, id)));
	if (!row) throw notFound();
	return { owner, row };
}

export async function getExport(ctx: RequestContext, slug: string, id: string) {
	const { owner, row } = await exportInScope(ctx, slug, id);
	return exportView(row, owner.slug);
}

/**
 * The ZIP of a ready export, streamed from its file; an export not ready, expired or whose file
 * is gone is a 404. Each download is written to the audit trail (who took a full copy, when).
 */
export async function downloadExport(ctx: RequestContext, slug: string, id: string) {
	const { owner, row } = await exportInScope(ctx, slug, id);
	if (row.status !== 'ready' || !row.filePath) throw notFound(m.export_not_ready());
	const path = exportFilePath(row.filePath);
	const size = await stat(path).then(
		(s) => s.size,
		() => null
	);
	if (size === null) throw notFound(m.export_not_ready());
	await getDb().transaction((tx) =>
		recordAudit(tx, ctx, {
			action: 'export.downloaded',
			targetType: 'client_export',
			targetId: row.id,
			clientId: owner.id
		})
	);
	return {
		body: Readable.toWeb(createReadStream(path)) as ReadableStream<Uint8Array>,
		size,
		filename: `export-${owner.slug}-${row.requestedAt.toISOString().slice(0, 10)}-${row.id.slice(0, 8)}.zip`,
		sha256: row.sha256
	};
}
