/**
 * Backup ingestion: the agent's report is stored whole or not at all, signed, checked against the
 * contract's policy, mailed to the client (002 art. 7.2) and pushed live. Idempotent on
 * `externalId`: the same run sent again answers what was stored the first time.
 */
import { createHash, randomUUID, type Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { formatBytes } from '$lib/intl';
import { recordAudit } from '../audit/audit';
import { portalOrigin } from '../incidents/context';
import { componentInScope, contractOf, getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { clientOf, getDb, type Executor, type Transaction } from '../db';
import {
	backup,
	backupFile,
	backupManifest,
	membership,
	user,
	type Backup,
	type Client
} from '../db/schema';
import { invalid } from '../errors';
import { appendEvent } from '../live/outbox';
import { nudgeMailQueue, queueMail } from '../mail/mailer';
import { authorize } from '../policy';
import { parseInput } from '../validation';
import { backupIngestSchema, type BackupFile } from './input';
import { backupFlags } from './policy';
import { indexOfPaths } from './manifest-search';
import { reportHead, reportLine, totalBytesOf } from './report';
import { currentSigningKey } from './keys';
import { signDigest } from './signing';

export interface IngestAnswer {
	id: string;
	authenticationKey: string;
	receivedAt: string;
}

const answerOf = (b: Backup): IngestAnswer => ({
	id: b.id,
	authenticationKey: b.authenticationKey,
	receivedAt: b.receivedAt.toISOString()
});

const COPY_ROWS = 2_000;

/** COPY's text format: a backslash, tab, newline or carriage return in a value is escaped. */
const copyText = (value: string) =>
	value.replace(/[\\\t\n\r]/g, (c) =>
		c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'
	);

/**
 * The manifest's rows by COPY, in blocks of 2,000 lines (100,000 rows ≈ 0.5 s in PostgreSQL, where
 * jsonb parameters of 10,000 files cost 0.9–1.5 s), each instant as the report signs it. The
 * report's file lines are hashed on the way: that runs while PostgreSQL stores the blocks sent.
 */
async function copyFiles(tx: Transaction, backupId: string, files: BackupFile[], digest: Hash) {
	const copy = await clientOf(tx)`
		copy backup_file (backup_id, ordinal, path, modified_at, size_bytes, sha256) from stdin`.writable();
	async function* lines() {
		let block = '';
		let report = '';
		for (let i = 0; i < files.length; i++) {
			const f = files[i];
			block += `${backupId}\t${i}\t${copyText(f.path)}\t${f.modifiedAt}\t${f.sizeBytes}\t${f.sha256 ?? '\\N'}\n`;
			report += reportLine(i, f);
			if ((i + 1) % COPY_ROWS === 0) {
				digest.update(report);
				report = '';
				yield block;
				block = '';
			}
		}
		digest.update(report);
		if (block) yield block;
	}
	await pipeline(Readable.from(lines()), copy);
}

/** The reception report mail to the client's contacts and admins, each in their language. */
async function mailReceptionReport(
	tx: Executor,
	owner: Client,
	stored: Backup,
	component: string,
	origin: string,
	at: Date
) {
	const recipients = await tx
		.select({ email: user.email, locale: user.locale })
		.from(user)
		.innerJoin(membership, eq(membership.userId, user.id))
		.where(and(eq(membership.clientId, owner.id), inArray(membership.role, ['contact', 'admin'])));
	for (const r of recipients) {
		const locale = r.locale ?? 'fr';
		await queueMail(tx, {
			to: r.email,
			clientId: owner.id,
			subject: m.mail_backup_received_subject({ component, client: owner.name }, { locale }),
			text: m.mail_backup_received_body(
				{
					component,
					startedAt: stored.startedAt.toISOString(),
					status: stored.status,
					files: stored.fileCount.toLocaleString(locale),
					total: formatBytes(stored.totalBytes, locale),
					key: stored.authenticationKey,
					sha256: stored.reportSha256,
					link: `${origin}/app/${owner.slug}/backups/${stored.id}`
				},
				{ locale }
			),
			at
		});
	}
	return recipients.length;
}

export interface IngestOptions {
	/** The demo replays the past; default now. */
	receivedAt?: Date;
}

export async function ingestBackup(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	{ receivedAt }: IngestOptions = {}
): Promise<{ created: boolean; answer: IngestAnswer }> {
	authorize(ctx, 'backup.ingest');
	const data = parseInput(backupIngestSchema, input);
	const db = getDb();
	const result = await db.transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug, 'backup.ingest');
		const [existing] = await tx
			.select()
			.from(backup)
			.where(and(eq(backup.clientId, owner.id), eq(backup.externalId, data.externalId)));
		if (existing) return { created: false, answer: answerOf(existing), stored: existing, owner };
		const target = await componentInScope(tx, owner, data.component).catch(() => null);
		if (!target) throw invalid(m.form_has_errors(), { component: m.backup_invalid_component() });
		const { settings } = await contractOf(tx, owner.id);
		const startedAt = new Date(data.startedAt);
		// The latest full backup before this one, else the latest of any kind (policy.ts baseSizeBytes).
		const [base] = await tx
			.select({ sizeBytes: backup.sizeBytes })
			.from(backup)
			.where(and(eq(backup.componentId, target.id), lt(backup.startedAt, startedAt)))
			.orderBy(sql`${backup.kind} = 'incremental'`, desc(backup.startedAt))
			.limit(1);
		const flags = settings
			? backupFlags(
					{
						sizeBytes: data.sizeBytes,
						changedBytes: data.changedBytes ?? null,
						copies: data.copies,
						baseSizeBytes: base?.sizeBytes ?? null
					},
					settings.backups
				)
			: [];
		const { files } = data;
		const finishedAt = new Date(data.finishedAt);
		const digest = createHash('sha256').update(
			reportHead({
				client: owner.slug,
				component: target.key,
				externalId: data.externalId,
				kind: data.kind,
				scope: data.scope ?? null,
				startedAt,
				finishedAt,
				status: data.status,
				sizeBytes: data.sizeBytes,
				changedBytes: data.changedBytes ?? null,
				copies: data.copies,
				files
			})
		);
		const key = await currentSigningKey(db);
		// The rows go first, under the id the backup will have: the report is hashed as they go.
		const id = randomUUID();
		await copyFiles(tx, id, files, digest);
		const signed = signDigest(digest.digest(), key);
		const at = receivedAt ?? new Date();
		const [stored] = await tx
			.insert(backup)
			.values({
				id,
				clientId: owner.id,
				componentId: target.id,
				externalId: data.externalId,
				kind: data.kind,
				scope: data.scope ?? null,
				startedAt,
				finishedAt,
				status: data.status,
				sizeBytes: data.sizeBytes,
				changedBytes: data.changedBytes ?? null,
				copies: data.copies,
				fileCount: files.length,
				totalBytes: totalBytesOf(files),
				reportSha256: signed.reportSha256,
				authenticationKey: signed.authenticationKey,
				signingKeyId: key.id,
				receivedAt: at,
				flags
			})
			.onConflictDoNothing()
			.returning();
		if (!stored) {
			// A concurrent request with the same externalId won: answer what it stored, keep no rows.
			await tx.delete(backupFile).where(eq(backupFile.backupId, id));
			const [winner] = await tx
				.select()
				.from(backup)
				.where(and(eq(backup.clientId, owner.id), eq(backup.externalId, data.externalId)));
			return { created: false, answer: answerOf(winner), stored: winner, owner };
		}
		const search = indexOfPaths(files);
		if (search)
			await tx
				.insert(backupManifest)
				.values({ backupId: id, separator: search.separator, paths: search.text });
		const mailed = await mailReceptionReport(tx, owner, stored, target.name, portalOrigin(), at);
		const [final] = await tx
			.update(backup)
			.set({ receptionMailQueuedAt: mailed > 0 ? at : null })
			.where(eq(backup.id, stored.id))
			.returning();
		await recordAudit(tx, ctx, {
			action: 'backup.received',
			targetType: 'backup',
			targetId: stored.id,
			clientId: owner.id,
			after: { ...final, files: files.length },
			at
		});
		await appendEvent(tx, {
			clientId: owner.id,
			kind: 'backup.received',
			payload: {
				clientSlug: owner.slug,
				id: stored.id,
				component: target.key,
				status: stored.status
			}
		});
		if (flags.length > 0) {
			await appendEvent(tx, {
				clientId: owner.id,
				kind: 'backup.flagged',
				payload: {
					clientSlug: owner.slug,
					id: stored.id,
					component: target.key,
					flags: flags.map((f) => f.flag)
				}
			});
		}
		return { created: true, answer: answerOf(final), stored: final, owner };
	});
	if (result.created) nudgeMailQueue();
	return { created: result.created, answer: result.answer };
}
