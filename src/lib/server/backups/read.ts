/** Reading a client's backups: list, one backup with its policy state, its files, its report. */
import { and, asc, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getClientInScope, contractOf } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { backup, backupFile, component, restoreTest, type Backup } from '../db/schema';
import { notFound } from '../errors';
import { isUuid, keySchema, parseInput, instantSchema } from '../validation';
import { BACKUP_STATUSES } from '../../domain/backups';
import { canonicalReport } from './report';
import { isRestorable } from './policy';
import { manifestOfBackup } from './manifest-cache';
import { searchManifest } from './manifest-search';

export const FILE_PAGE_SIZE = 50;
const LIST_LIMIT = 500;

export const backupListQuerySchema = z.object({
	from: instantSchema.optional(),
	to: instantSchema.optional(),
	component: keySchema.optional(),
	status: z.enum(BACKUP_STATUSES).optional()
});

export interface BackupView {
	id: string;
	externalId: string;
	component: string;
	componentName: string;
	kind: Backup['kind'];
	scope: Backup['scope'];
	startedAt: string;
	finishedAt: string;
	durationSeconds: number;
	status: Backup['status'];
	sizeBytes: number;
	changedBytes: number | null;
	copies: Backup['copies'];
	fileCount: number;
	totalBytes: number;
	reportSha256: string;
	authenticationKey: string;
	signingKeyId: string;
	receivedAt: string;
	receptionMailQueuedAt: string | null;
	flags: Backup['flags'];
	retainedUntil: string;
	withinRetention: boolean;
	restorable: boolean;
}

type Row = Backup & { componentKey: string; componentName: string; newer: number };

export function viewOf(r: Row, retentionDays: number, versions: number, now: Date): BackupView {
	const state = isRestorable(r.startedAt, r.newer, retentionDays, versions, now);
	return {
		id: r.id,
		externalId: r.externalId,
		component: r.componentKey,
		componentName: r.componentName,
		kind: r.kind,
		scope: r.scope,
		startedAt: r.startedAt.toISOString(),
		finishedAt: r.finishedAt.toISOString(),
		durationSeconds: Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000),
		status: r.status,
		sizeBytes: r.sizeBytes,
		changedBytes: r.changedBytes,
		copies: r.copies,
		fileCount: r.fileCount,
		totalBytes: r.totalBytes,
		reportSha256: r.reportSha256,
		authenticationKey: r.authenticationKey,
		signingKeyId: r.signingKeyId,
		receivedAt: r.receivedAt.toISOString(),
		receptionMailQueuedAt: r.receptionMailQueuedAt?.toISOString() ?? null,
		flags: r.flags,
		retainedUntil: state.retainedUntil.toISOString(),
		withinRetention: state.withinRetention,
		restorable: r.status === 'succeeded' && state.restorable
	};
}

/** Succeeded points of the same machine, kind and scope started after this one. */
export const newerPoints = sql<number>`(
	select count(*)::int from backup n
	where n.component_id = ${backup.componentId} and n.kind = ${backup.kind}
		and n.scope is not distinct from ${backup.scope}
		and n.status = 'succeeded' and n.started_at > ${backup.startedAt})`;

async function selectBackups(clientId: string, where: SQL[], limit: number) {
	return getDb()
		.select({
			b: backup,
			componentKey: component.key,
			componentName: component.name,
			newer: newerPoints
		})
		.from(backup)
		.innerJoin(component, eq(component.id, backup.componentId))
		.where(and(eq(backup.clientId, clientId), ...where))
		.orderBy(desc(backup.startedAt))
		.limit(limit);
}

export function retentionOf(
	settings: Awaited<ReturnType<typeof contractOf>>['settings'],
	b: Pick<Backup, 'kind' | 'scope'>
) {
	const policy = settings?.backups;
	if (!policy) return { days: 0, versions: 0 };
	const schedule = policy.schedules.find(
		(s) => s.kind === b.kind && (s.scope === undefined || s.scope === b.scope)
	);
	return {
		days: schedule?.retentionDays ?? policy.retentionDays,
		versions: policy.versionsRestorable
	};
}

export async function listBackups(ctx: RequestContext, slug: string, query: unknown) {
	const q = parseInput(backupListQuerySchema, query);
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	const { settings } = await contractOf(db, owner.id);
	const where: SQL[] = [];
	if (q.from) where.push(gte(backup.startedAt, new Date(q.from)));
	if (q.to) where.push(lt(backup.startedAt, new Date(q.to)));
	if (q.component) where.push(eq(component.key, q.component));
	if (q.status) where.push(eq(backup.status, q.status));
	const rows = await selectBackups(owner.id, where, LIST_LIMIT);
	const now = new Date();
	return {
		client: owner,
		settings,
		backups: rows.map((r) => {
			const ret = retentionOf(settings, r.b);
			return viewOf(
				{ ...r.b, componentKey: r.componentKey, componentName: r.componentName, newer: r.newer },
				ret.days,
				ret.versions,
				now
			);
		})
	};
}

export async function getBackup(ctx: RequestContext, slug: string, id: string) {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	if (!isUuid(id)) throw notFound();
	const [r] = await selectBackups(owner.id, [eq(backup.id, id)], 1);
	if (!r) throw notFound();
	const { settings } = await contractOf(db, owner.id);
	const ret = retentionOf(settings, r.b);
	const [lastTest] = await db
		.select({ testedAt: restoreTest.testedAt, result: restoreTest.result, note: restoreTest.note })
		.from(restoreTest)
		.where(eq(restoreTest.clientId, owner.id))
		.orderBy(desc(restoreTest.testedAt))
		.limit(1);
	return {
		client: owner,
		backup: viewOf(
			{ ...r.b, componentKey: r.componentKey, componentName: r.componentName, newer: r.newer },
			ret.days,
			ret.versions,
			new Date()
		),
		lastRestoreTest: lastTest
			? { testedAt: lastTest.testedAt.toISOString(), result: lastTest.result, note: lastTest.note }
			: null
	};
}

export const filesQuerySchema = z.object({
	search: z.string().trim().max(200).optional(),
	page: z.coerce.number().int().min(1).max(100_000).default(1)
});

/** The backup a manifest read is about: one lookup, without the policy state the page shows. */
async function manifestOf(ctx: RequestContext, slug: string, id: string) {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	if (!isUuid(id)) throw notFound();
	const [b] = await db
		.select({ id: backup.id, fileCount: backup.fileCount })
		.from(backup)
		.where(and(eq(backup.clientId, owner.id), eq(backup.id, id)));
	if (!b) throw notFound();
	return b;
}

/**
 * A page of the manifest: ordinal ranges when unfiltered, a case-insensitive substring search
 * otherwise (manifest-search.ts finds the ordinals, the rows come by primary key).
 */
export async function listBackupFiles(
	ctx: RequestContext,
	slug: string,
	id: string,
	query: unknown
) {
	const q = parseInput(filesQuerySchema, query);
	const b = await manifestOf(ctx, slug, id);
	const db = getDb();
	const offset = (q.page - 1) * FILE_PAGE_SIZE;
	const columns = {
		ordinal: backupFile.ordinal,
		path: backupFile.path,
		modifiedAt: backupFile.modifiedAt,
		sizeBytes: backupFile.sizeBytes,
		sha256: backupFile.sha256
	};
	let rows;
	let total: number;
	if (!q.search) {
		rows = await db
			.select(columns)
			.from(backupFile)
			.where(
				and(
					eq(backupFile.backupId, b.id),
					gte(backupFile.ordinal, offset),
					lt(backupFile.ordinal, offset + FILE_PAGE_SIZE)
				)
			)
			.orderBy(asc(backupFile.ordinal));
		total = b.fileCount;
	} else {
		const index = await manifestOfBackup(b.id, b.fileCount);
		const found = searchManifest(index, q.search, offset, FILE_PAGE_SIZE);
		total = found.total;
		rows =
			found.ordinals.length === 0
				? []
				: await db
						.select(columns)
						.from(backupFile)
						.where(and(eq(backupFile.backupId, b.id), inArray(backupFile.ordinal, found.ordinals)))
						.orderBy(asc(backupFile.ordinal));
	}
	return {
		page: q.page,
		pageSize: FILE_PAGE_SIZE,
		total,
		search: q.search ?? '',
		files: rows.map((f) => ({
			ordinal: f.ordinal,
			path: f.path,
			modifiedAt: f.modifiedAt.toISOString(),
			sizeBytes: f.sizeBytes,
			sha256: f.sha256
		}))
	};
}

/** The canonical report, rebuilt from what is stored (its SHA-256 is the one signed). */
export async function backupReport(ctx: RequestContext, slug: string, id: string) {
	const { client: owner, backup: b } = await getBackup(ctx, slug, id);
	const files = await getDb()
		.select()
		.from(backupFile)
		.where(eq(backupFile.backupId, b.id))
		.orderBy(asc(backupFile.ordinal));
	const text = canonicalReport({
		client: owner.slug,
		component: b.component,
		externalId: b.externalId,
		kind: b.kind,
		scope: b.scope,
		startedAt: new Date(b.startedAt),
		finishedAt: new Date(b.finishedAt),
		status: b.status,
		sizeBytes: b.sizeBytes,
		changedBytes: b.changedBytes,
		copies: b.copies,
		files
	});
	return { text, backup: b };
}
