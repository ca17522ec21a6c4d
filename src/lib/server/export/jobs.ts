import { createReadStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { and, eq, lt, lte } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { systemContext } from '../context';
import { getDb, getSql, type Executor } from '../db';
import { client, clientExport, type ClientExport } from '../db/schema';
import { portalOrigin } from '../incidents/context';
import type { PeriodicJob } from '../jobs/registry';
import { appendEvent } from '../live/outbox';
import { childLog } from '../log';
import { nudgeMailQueue } from '../mail/mailer';
import { writeExportZip } from './build';
import { exportFileName, exportFilePath, requesterContext } from './context';
import { expiryOf } from './format';
import { mailExportReady } from './notify';
import { slaMonths } from './sla-months';

/** Progress is recorded (row + live event) at most this often while an export is written. */
const PROGRESS_EVERY_MS = 500;

const log = childLog({ module: 'export' });

async function sha256Of(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

async function emit(tx: Executor, row: ClientExport, slug: string) {
	await appendEvent(tx, {
		clientId: row.clientId,
		kind: 'export.progress',
		payload: {
			clientSlug: slug,
			id: row.id,
			status: row.status,
			percent: row.percent,
			step: row.step
		}
	});
}

/** Ends an export that did not make it, its partial file deleted; the cause goes to the log only. */
async function fail(row: ClientExport, slug: string, error: string, now: Date) {
	await rm(exportFilePath(exportFileName(row)), { force: true });
	await getDb().transaction(async (tx) => {
		const [failed] = await tx
			.update(clientExport)
			.set({ status: 'failed', error, finishedAt: now, filePath: null, updatedAt: now })
			.where(eq(clientExport.id, row.id))
			.returning();
		await recordAudit(tx, systemContext, {
			action: 'export.failed',
			targetType: 'client_export',
			targetId: row.id,
			clientId: row.clientId,
			after: { status: 'failed', error },
			at: now
		});
		await emit(tx, failed, slug);
	});
}

async function build(
	row: ClientExport,
	owner: typeof client.$inferSelect,
	now: Date,
	signal?: AbortSignal
) {
	const ctx = await requesterContext(getDb(), row);
	if (!ctx) return fail(row, owner.slug, m.export_failed_requester(), now);
	const relative = exportFileName(row);
	const path = exportFilePath(relative);
	await mkdir(dirname(path), { recursive: true });
	await rm(path, { force: true });
	let last = 0;
	const progress = async (percent: number, step: string) => {
		signal?.throwIfAborted();
		const at = Date.now();
		if (at - last < PROGRESS_EVERY_MS) return;
		last = at;
		await getDb().transaction(async (tx) => {
			const [moved] = await tx
				.update(clientExport)
				.set({ percent, step, updatedAt: new Date() })
				.where(eq(clientExport.id, row.id))
				.returning();
			await emit(tx, moved, owner.slug);
		});
	};
	await writeExportZip({
		sql: getSql(),
		exportId: row.id,
		client: { id: owner.id, slug: owner.slug, name: owner.name },
		generatedAt: now,
		path,
		sla: slaMonths(ctx, owner.slug, owner.timezone, now),
		progress
	});
	const [size, sha256] = await Promise.all([stat(path).then((s) => s.size), sha256Of(path)]);
	const finishedAt = new Date();
	await getDb().transaction(async (tx) => {
		const [ready] = await tx
			.update(clientExport)
			.set({
				status: 'ready',
				percent: 100,
				step: null,
				filePath: relative,
				sizeBytes: size,
				sha256,
				finishedAt,
				expiresAt: expiryOf(finishedAt),
				updatedAt: finishedAt
			})
			.where(eq(clientExport.id, row.id))
			.returning();
		await recordAudit(tx, systemContext, {
			action: 'export.ready',
			targetType: 'client_export',
			targetId: row.id,
			clientId: row.clientId,
			after: { status: 'ready', sizeBytes: size, sha256, expiresAt: ready.expiresAt },
			at: finishedAt
		});
		await emit(tx, ready, owner.slug);
		await mailExportReady(tx, ready, owner, portalOrigin());
	});
	nudgeMailQueue();
}

/** A running export whose progress was not recorded for this long was left by a stopped node. */
export const ABANDONED_AFTER_MS = 10 * 60_000;

/**
 * Marks abandoned exports failed, then claims the oldest queued one (`running`). The claim is a
 * conditional update, so two nodes never build the same export.
 */
export async function claimNextExport(now = new Date()) {
	const db = getDb();
	const stale = await db
		.select({ row: clientExport, slug: client.slug })
		.from(clientExport)
		.innerJoin(client, eq(client.id, clientExport.clientId))
		.where(
			and(
				eq(clientExport.status, 'running'),
				lt(clientExport.updatedAt, new Date(now.getTime() - ABANDONED_AFTER_MS))
			)
		);
	for (const { row, slug } of stale) await fail(row, slug, m.export_failed_interrupted(), now);
	const [next] = await db
		.select({ row: clientExport, owner: client })
		.from(clientExport)
		.innerJoin(client, eq(client.id, clientExport.clientId))
		.where(eq(clientExport.status, 'queued'))
		.orderBy(clientExport.requestedAt)
		.limit(1);
	if (!next) return null;
	const { owner } = next;
	const row = await db.transaction(async (tx) => {
		const [running] = await tx
			.update(clientExport)
			.set({ status: 'running', startedAt: now, updatedAt: now, step: 'client.json' })
			.where(and(eq(clientExport.id, next.row.id), eq(clientExport.status, 'queued')))
			.returning();
		if (running) await emit(tx, running, owner.slug);
		return running;
	});
	return row ? { row, owner } : null;
}

/** Builds a claimed export; any failure (or `signal`, at shutdown) leaves it failed, never half. */
export async function buildClaimed(
	claimed: NonNullable<Awaited<ReturnType<typeof claimNextExport>>>,
	signal?: AbortSignal
): Promise<ClientExport> {
	const { row, owner } = claimed;
	try {
		await build(row, owner, row.startedAt ?? new Date(), signal);
	} catch (e) {
		if (!signal?.aborted) log.error({ err: e, exportId: row.id }, 'export failed');
		await fail(
			row,
			owner.slug,
			signal?.aborted ? m.export_failed_interrupted() : m.export_failed_error(),
			new Date()
		);
	}
	const [done] = await getDb().select().from(clientExport).where(eq(clientExport.id, row.id));
	return done;
}

/** Claims and builds the next queued export, awaiting it (tests, benchmarks). */
export async function runExportQueue(now = new Date()): Promise<ClientExport | null> {
	const claimed = await claimNextExport(now);
	return claimed ? buildClaimed(claimed) : null;
}

/** Ready exports past their week: the file is deleted, the row kept as `expired`. */
export async function expireExports(now = new Date()): Promise<number> {
	const db = getDb();
	const due = await db
		.select({ row: clientExport, slug: client.slug })
		.from(clientExport)
		.innerJoin(client, eq(client.id, clientExport.clientId))
		.where(and(eq(clientExport.status, 'ready'), lte(clientExport.expiresAt, now)));
	for (const { row, slug } of due) {
		if (row.filePath) await rm(exportFilePath(row.filePath), { force: true });
		await db.transaction(async (tx) => {
			const [expired] = await tx
				.update(clientExport)
				.set({ status: 'expired', filePath: null, updatedAt: now })
				.where(eq(clientExport.id, row.id))
				.returning();
			await recordAudit(tx, systemContext, {
				action: 'export.expired',
				targetType: 'client_export',
				targetId: row.id,
				clientId: row.clientId,
				before: { status: 'ready', filePath: row.filePath },
				after: { status: 'expired' },
				at: now
			});
			await emit(tx, expired, slug);
		});
	}
	return due.length;
}

/**
 * Exports are claimed under the job's lock and built in the background, one at a time per node,
 * so a long export holds up no other job; on stop, the one under way is abandoned (failed).
 * Expiry is checked every minute.
 */
export function exportJobs(): PeriodicJob[] {
	const stop = new AbortController();
	let building: Promise<unknown> | null = null;
	return [
		{
			name: 'export build',
			intervalMs: 2000,
			lockKey: 1301,
			run: async () => {
				if (building || stop.signal.aborted) return;
				const claimed = await claimNextExport();
				if (!claimed) return;
				building = buildClaimed(claimed, stop.signal).finally(() => (building = null));
			},
			close: () => stop.abort(),
			drain: async () => {
				await building;
			}
		},
		{ name: 'export expiry', intervalMs: 60_000, lockKey: 1302, run: () => expireExports() }
	];
}
