/**
 * What the client's backups pages show: the list (filtered, paged), each machine's schedule,
 * next expected backup and problems first, the volume chart's points (004 art. 3.5 « la
 * volumétrie de sauvegarde pour chacune des VM est affichée »), the month's compliance and who got
 * a reception report.
 */
import { and, asc, count, desc, eq, gte, inArray, like, lt, min, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { clientScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import {
	backup,
	backupExpectation,
	component,
	outboxMail,
	restoreTest,
	type Client,
	type Component
} from '../db/schema';
import { keySchema } from '../validation';
import { currentMonth } from '../sla/service';
import { BACKUP_KINDS, BACKUP_STATUSES } from '../../domain/backups';
import { monthBounds, monthCompliance } from './compliance';
import { nextExpected, scheduleKey } from './expected';
import { backupProblems } from './problems';
import { backupReport, newerPoints, retentionOf, viewOf } from './read';
import { verifyBackupReport } from './verify';

export const BACKUPS_PAGE_SIZE = 25;
/** How far back the watch looks for problems (the job's own look-back). */
const WATCH_DAYS = 35;
/** The chart's span: the demo's 60 days, two months of a daily schedule. */
const CHART_DAYS = 60;
const DAY_MS = 86_400_000;

export const backupFiltersSchema = z.object({
	component: keySchema.optional().catch(undefined),
	kind: z.enum(BACKUP_KINDS).optional().catch(undefined),
	status: z.enum(BACKUP_STATUSES).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(100_000).catch(1).default(1)
});
export type BackupFilters = z.infer<typeof backupFiltersSchema>;

/** A client's backups, newest first, 25 a page, by machine, kind and status. */
export async function listBackupPage(ctx: RequestContext, slug: string, input: unknown) {
	const { client: owner, settings } = await clientScope(ctx, slug);
	const filters = backupFiltersSchema.parse(input ?? {});
	const where: SQL[] = [eq(backup.clientId, owner.id)];
	if (filters.component) where.push(eq(component.key, filters.component));
	if (filters.kind) where.push(eq(backup.kind, filters.kind));
	if (filters.status) where.push(eq(backup.status, filters.status));
	const db = getDb();
	const rows = await db
		.select({
			b: backup,
			componentKey: component.key,
			componentName: component.name,
			newer: newerPoints
		})
		.from(backup)
		.innerJoin(component, eq(component.id, backup.componentId))
		.where(and(...where))
		.orderBy(desc(backup.startedAt), desc(backup.id))
		.limit(BACKUPS_PAGE_SIZE)
		.offset((filters.page - 1) * BACKUPS_PAGE_SIZE);
	const [{ total }] = await db
		.select({ total: count() })
		.from(backup)
		.innerJoin(component, eq(component.id, backup.componentId))
		.where(and(...where));
	const now = new Date();
	return {
		filters,
		total,
		page: filters.page,
		pageSize: BACKUPS_PAGE_SIZE,
		items: rows.map((r) => {
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

/** The machines backups are expected from: the client's servers and anything that sent one. */
async function machinesOf(owner: Client): Promise<(Component & { first: Date | null })[]> {
	const db = getDb();
	const firsts = await db
		.select({ componentId: backup.componentId, first: min(backup.startedAt) })
		.from(backup)
		.where(eq(backup.clientId, owner.id))
		.groupBy(backup.componentId);
	const firstOf = new Map(firsts.map((f) => [f.componentId, f.first ? new Date(f.first) : null]));
	const components = await db
		.select()
		.from(component)
		.where(eq(component.clientId, owner.id))
		.orderBy(asc(component.name));
	return components
		.filter((c) => c.kind === 'server' || firstOf.has(c.id))
		.map((c) => ({ ...c, first: firstOf.get(c.id) ?? null }));
}

/**
 * Per machine: the contract's schedules, the next expected backup, the problems first (missing,
 * late, no backup yet, flagged with the clause) and the provider's last restore test.
 */
export async function backupMachines(ctx: RequestContext, slug: string, now = new Date()) {
	const { client: owner, settings } = await clientScope(ctx, slug);
	const db = getDb();
	const machines = await machinesOf(owner);
	const since = new Date(now.getTime() - WATCH_DAYS * DAY_MS);
	const ids = machines.map((c) => c.id);
	const [expectations, flagged, tests] =
		ids.length === 0
			? [[], [], []]
			: await Promise.all([
					db
						.select()
						.from(backupExpectation)
						.where(
							and(
								inArray(backupExpectation.componentId, ids),
								gte(backupExpectation.dueAt, since),
								inArray(backupExpectation.state, ['missing', 'late'])
							)
						),
					db
						.select({
							id: backup.id,
							componentId: backup.componentId,
							startedAt: backup.startedAt,
							flags: backup.flags
						})
						.from(backup)
						.where(
							and(
								inArray(backup.componentId, ids),
								gte(backup.startedAt, since),
								sql`jsonb_array_length(${backup.flags}) > 0`
							)
						),
					db
						.select()
						.from(restoreTest)
						.where(eq(restoreTest.clientId, owner.id))
						.orderBy(desc(restoreTest.testedAt))
						.limit(50)
				]);
	const schedules = settings?.backups.schedules ?? [];
	const lastClientTest = tests[0] ?? null;
	return machines.map((c) => {
		const next = schedules
			.map((s) => ({ scheduleKey: scheduleKey(s), at: nextExpected(s, owner.timezone, now) }))
			.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
		// A test recorded for the whole client (no machine) stands for each of its machines.
		const test = tests.find((t) => t.componentId === c.id) ?? lastClientTest;
		return {
			key: c.key,
			name: c.name,
			schedules,
			retentionDays: settings?.backups.retentionDays ?? 0,
			nextExpected: next ? { scheduleKey: next.scheduleKey, at: next.at.toISOString() } : null,
			problems: backupProblems({
				hasBackups: c.first !== null,
				expectsBackups: schedules.length > 0,
				expectations: expectations.filter((e) => e.componentId === c.id),
				flagged: flagged.filter((b) => b.componentId === c.id)
			}),
			lastRestoreTest: test
				? { testedAt: test.testedAt.toISOString(), result: test.result, note: test.note }
				: null
		};
	});
}
export type BackupMachine = Awaited<ReturnType<typeof backupMachines>>[number];

/** Size and duration of every backup of the last 60 days, per machine, oldest first. */
export async function backupVolumes(ctx: RequestContext, slug: string, now = new Date()) {
	const { client: owner } = await clientScope(ctx, slug);
	const rows = await getDb()
		.select({
			component: component.key,
			componentName: component.name,
			startedAt: backup.startedAt,
			finishedAt: backup.finishedAt,
			sizeBytes: backup.sizeBytes
		})
		.from(backup)
		.innerJoin(component, eq(component.id, backup.componentId))
		.where(
			and(
				eq(backup.clientId, owner.id),
				gte(backup.startedAt, new Date(now.getTime() - CHART_DAYS * DAY_MS))
			)
		)
		.orderBy(asc(backup.startedAt));
	return rows.map((r) => ({
		component: r.component,
		componentName: r.componentName,
		startedAt: r.startedAt.toISOString(),
		sizeBytes: r.sizeBytes,
		durationSeconds: Math.round((r.finishedAt.getTime() - r.startedAt.getTime()) / 1000)
	}));
}
export type BackupVolumePoint = Awaited<ReturnType<typeof backupVolumes>>[number];

/** The month's backup compliance (received / expected) per machine and in total; default this month. */
export async function backupCompliance(
	ctx: RequestContext,
	slug: string,
	month: string | null = null,
	now = new Date()
) {
	const { client: owner, settings } = await clientScope(ctx, slug);
	const chosen = month ?? currentMonth(owner.timezone, now);
	const machines = await machinesOf(owner);
	const { start, end } = monthBounds(chosen, owner.timezone);
	// A slot's window reaches up to half its period around its due time (a month for monthly ones).
	const rows =
		machines.length === 0
			? []
			: await getDb()
					.select()
					.from(backup)
					.where(
						and(
							eq(backup.clientId, owner.id),
							gte(backup.startedAt, new Date(start.getTime() - 32 * DAY_MS)),
							lt(backup.startedAt, new Date(end.getTime() + 32 * DAY_MS))
						)
					);
	return monthCompliance({
		month: chosen,
		timeZone: owner.timezone,
		schedules: settings?.backups.schedules ?? [],
		graceHours: settings?.backups.graceHours ?? 3,
		commissionedAt: owner.commissionedAt,
		now,
		machines: machines.map((c) => ({
			key: c.key,
			name: c.name,
			firstBackupAt: c.first,
			backups: rows.filter((b) => b.componentId === c.id)
		}))
	});
}
export type BackupComplianceData = Awaited<ReturnType<typeof backupCompliance>>;

/** To whom the reception report of a backup was mailed (002 art. 7.2), from the mail queue. */
export async function receptionRecipients(
	owner: Client,
	b: { id: string; receptionMailQueuedAt: string | null }
): Promise<string[]> {
	if (!b.receptionMailQueuedAt) return [];
	const rows = await getDb()
		.select({ to: outboxMail.to })
		.from(outboxMail)
		.where(
			and(
				eq(outboxMail.createdAt, new Date(b.receptionMailQueuedAt)),
				like(outboxMail.text, `%/app/${owner.slug}/backups/${b.id}%`)
			)
		)
		.orderBy(asc(outboxMail.to));
	return rows.map((r) => r.to);
}

/** The portal checks the stored report against its own authentication key (002 art. 7.2). */
export async function verifyStoredReport(ctx: RequestContext, slug: string, id: string) {
	const { text, backup: b } = await backupReport(ctx, slug, id);
	return verifyBackupReport({ report: text, authenticationKey: b.authenticationKey });
}
