import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import {
	auditLog,
	backup,
	backupExpectation,
	backupFile,
	backupManifest,
	event,
	outboxMail
} from '../../src/lib/server/db/schema';
import { evaluateBackupExpectations } from '../../src/lib/server/backups/jobs';
import { fieldIssues } from '../../src/lib/server/errors';
import { ingestBackup } from '../../src/lib/server/backups/ingest';
import {
	backupReport,
	getBackup,
	listBackupFiles,
	listBackups
} from '../../src/lib/server/backups/read';
import { verifyBackupReport } from '../../src/lib/server/backups/verify';
import { createToken } from '../../src/lib/server/tokens/service';
import { createMember, createStaff, createTenant, statusOf, unique } from './factories';

async function tokenCtx(staff: RequestContext, scope: 'ingest' | 'admin'): Promise<RequestContext> {
	const t = await createToken(staff, { name: unique('backup-agent'), scope });
	return { actor: { kind: 'token', tokenId: t.id, scope }, ip: '127.0.0.1' };
}

async function setup(preset = 'dobaas') {
	const staff = await createStaff();
	const t = await createTenant(staff, preset);
	await createComponent(staff, t.slug, { key: 'srv-1', name: 'Serveur 1', kind: 'server' });
	const [contact, clientAdmin, viewer] = await Promise.all([
		createMember(t.id, t.slug, 'contact'),
		createMember(t.id, t.slug, 'admin'),
		createMember(t.id, t.slug, 'viewer')
	]);
	return { staff, t, contact, clientAdmin, viewer, agent: await tokenCtx(staff, 'ingest') };
}

const hourAgo = () => new Date(Date.now() - 3_600_000);

function payload(extra: Record<string, unknown> = {}, files = 3) {
	const started = hourAgo();
	return {
		externalId: unique('run'),
		component: 'srv-1',
		kind: 'incremental',
		startedAt: started.toISOString(),
		finishedAt: new Date(started.getTime() + 600_000).toISOString(),
		status: 'succeeded',
		sizeBytes: 100_000,
		changedBytes: 1_000,
		copies: [{ site: 'Paris DC2', country: 'FR' }],
		files: Array.from({ length: files }, (_, i) => ({
			path: `/data/dir-${i % 10}/file-${i}.dat`,
			modifiedAt: started.toISOString(),
			sizeBytes: 1000 + i
		})),
		...extra
	};
}

describe('backup ingestion (issue 12 scope 1)', () => {
	it('stores, signs, mails the contacts and admins, audits and pushes live; idempotent on externalId', async () => {
		const { t, agent, contact, clientAdmin, viewer } = await setup();
		const body = payload();
		const first = await ingestBackup(agent, t.slug, body);
		expect(first.created).toBe(true);
		expect(first.answer.authenticationKey).toMatch(/^[A-Za-z0-9_-]{86}$/);
		const again = await ingestBackup(agent, t.slug, body);
		expect(again).toEqual({ created: false, answer: first.answer });
		const rows = await getDb().select().from(backup).where(eq(backup.clientId, t.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ fileCount: 3, totalBytes: 3003 });
		expect(rows[0].receptionMailQueuedAt).not.toBeNull();
		const mails = await getDb().select().from(outboxMail);
		const to = mails
			.filter((x) => x.text.includes(first.answer.authenticationKey))
			.map((x) => x.to);
		expect(to.sort()).toEqual([contact.email, clientAdmin.email].sort());
		expect(to).not.toContain(viewer.email);
		const audits = await getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'backup.received'), eq(auditLog.clientId, t.id)));
		expect(audits).toHaveLength(1);
		const events = await getDb().select().from(event).where(eq(event.clientId, t.id));
		expect(events.map((e) => e.kind)).toContain('backup.received');
	});

	it('the stored report verifies; one byte changed does not', async () => {
		const { t, agent, viewer } = await setup();
		const { answer } = await ingestBackup(agent, t.slug, payload());
		const { text } = await backupReport(viewer, t.slug, answer.id);
		expect(
			await verifyBackupReport({ report: text, authenticationKey: answer.authenticationKey })
		).toEqual({ valid: true });
		const tampered = text.replace('\t1000\t', '\t1009\t');
		expect(tampered).not.toBe(text);
		expect(
			await verifyBackupReport({ report: tampered, authenticationKey: answer.authenticationKey })
		).toEqual({ valid: false });
	});

	it('is all or nothing: one bad file → 422 naming its index, nothing stored', async () => {
		const { t, agent } = await setup();
		const body = payload({}, 5);
		(body.files[3] as Record<string, unknown>).sizeBytes = -1;
		(body.files[4] as Record<string, unknown>).path = 'a\u0000b';
		const err = await ingestBackup(agent, t.slug, body).catch((e) => e);
		expect(err.status).toBe(422);
		expect(Object.keys(fieldIssues(err)).sort()).toEqual(['files.3.sizeBytes', 'files.4.path']);
		expect(await getDb().select().from(backup).where(eq(backup.clientId, t.id))).toHaveLength(0);
	});

	it.each([
		['sizeBytes', { sizeBytes: -5 }],
		['finishedAt', { finishedAt: new Date(Date.now() - 7_200_000).toISOString() }],
		['startedAt', { startedAt: new Date(Date.now() + 600_000).toISOString() }],
		['kind', { kind: 'differential' }],
		[
			'files.0.path',
			{ files: [{ path: 'x'.repeat(4097), modifiedAt: new Date().toISOString(), sizeBytes: 1 }] }
		],
		['component', { component: 'not-mine' }]
	])('refuses a bad %s with 422', async (field, extra) => {
		const { t, agent } = await setup();
		const err = await ingestBackup(agent, t.slug, payload(extra)).catch((e) => e);
		expect(err.status).toBe(422);
		expect(Object.keys(fieldIssues(err))).toContain(field);
	});

	it('refuses another client’s component, members and staff sessions; another tenant is 404', async () => {
		const a = await setup();
		const b = await setup();
		const other = await ingestBackup(a.agent, b.t.slug, payload()).then(
			() => 'ok',
			(e) => e.status
		);
		expect(other).toBe('ok'); // a provider token works for every client
		for (const who of [a.viewer, a.contact, a.clientAdmin, a.staff]) {
			expect(await statusOf(() => ingestBackup(who, a.t.slug, payload()))).toBe(403);
		}
		const { answer } = await ingestBackup(a.agent, a.t.slug, payload());
		expect(await statusOf(() => getBackup(b.viewer, a.t.slug, answer.id))).toBe(404);
		expect(await statusOf(() => getBackup(b.viewer, b.t.slug, answer.id))).toBe(404);
		expect(await statusOf(() => listBackups(b.viewer, a.t.slug, {}))).toBe(404);
		expect(await statusOf(() => listBackupFiles(b.clientAdmin, a.t.slug, answer.id, {}))).toBe(404);
	});

	it('flags a change over 5 % and a copy outside France (003 art. 3, 4.05)', async () => {
		const { t, agent, viewer } = await setup('dobaas');
		await ingestBackup(agent, t.slug, payload());
		const { answer } = await ingestBackup(
			agent,
			t.slug,
			payload({ changedBytes: 6_000, copies: [{ site: 'Frankfurt', country: 'DE' }] })
		);
		const { backup: b } = await getBackup(viewer, t.slug, answer.id);
		expect(b.flags.map((f) => f.flag).sort()).toEqual(['change_over_limit', 'location']);
		const events = await getDb().select().from(event).where(eq(event.clientId, t.id));
		expect(events.filter((e) => e.kind === 'backup.flagged')).toHaveLength(1);
	});

	it('pages and searches the manifest', async () => {
		const { t, agent, viewer } = await setup();
		const { answer } = await ingestBackup(agent, t.slug, payload({}, 120));
		const p3 = await listBackupFiles(viewer, t.slug, answer.id, { page: '3' });
		expect(p3.files.map((f) => f.ordinal)).toEqual(Array.from({ length: 20 }, (_, i) => 100 + i));
		expect(p3.total).toBe(120);
		const found = await listBackupFiles(viewer, t.slug, answer.id, { search: 'DIR-7/' });
		expect(found.total).toBe(12);
		expect(found.files.every((f) => f.path.includes('dir-7/'))).toBe(true);
		const none = await listBackupFiles(viewer, t.slug, answer.id, { search: '%' });
		expect(none.total).toBe(0);
		expect(
			await getDb().select().from(backupFile).where(eq(backupFile.backupId, answer.id))
		).toHaveLength(120);
	});

	it('searches a backup stored without its paths as one value (before migration 0023) in its rows', async () => {
		const { t, agent, viewer } = await setup();
		const { answer } = await ingestBackup(agent, t.slug, payload({}, 30));
		await getDb().delete(backupManifest).where(eq(backupManifest.backupId, answer.id));
		const found = await listBackupFiles(viewer, t.slug, answer.id, { search: 'DIR-7/' });
		expect(found.files.map((f) => f.ordinal)).toEqual([7, 17, 27]);
	});

	it('stores paths with tabs, newlines and backslashes as sent, and deletes the files with their backup', async () => {
		const { t, agent, viewer } = await setup();
		const odd = ['/a\tb/c\\d', '/line\nbreak', '/cr\r/%_.txt'];
		const sent = payload({}, 3);
		sent.files = sent.files.map((f, i) => ({ ...f, path: odd[i] }));
		const { answer } = await ingestBackup(agent, t.slug, sent);
		const [stored] = await getDb()
			.select()
			.from(backupManifest)
			.where(eq(backupManifest.backupId, answer.id));
		expect(stored).toMatchObject({ separator: '\u0001', paths: odd.join('\u0001') + '\u0001' });
		const page = await listBackupFiles(viewer, t.slug, answer.id, {});
		expect(page.files.map((f) => f.path)).toEqual(odd);
		expect((await listBackupFiles(viewer, t.slug, answer.id, { search: 'K\n' })).files).toEqual([
			page.files[1]
		]);
		const { text } = await backupReport(viewer, t.slug, answer.id);
		expect(
			await verifyBackupReport({ report: text, authenticationKey: answer.authenticationKey })
		).toEqual({ valid: true });
		await getDb().delete(backup).where(eq(backup.id, answer.id));
		expect(
			await getDb().select().from(backupFile).where(eq(backupFile.backupId, answer.id))
		).toHaveLength(0);
		expect(
			await getDb().select().from(backupManifest).where(eq(backupManifest.backupId, answer.id))
		).toHaveLength(0);
	});
});

describe('backup watch job (issue 12 scope 4)', () => {
	it('marks the slots after the first backup missing once, live and by mail, then leaves them', async () => {
		const { t, agent, contact } = await setup('alteo');
		const first = new Date(Date.now() - 3 * 86_400_000);
		await ingestBackup(
			agent,
			t.slug,
			payload({
				kind: 'data_full',
				scope: 'databases',
				startedAt: first.toISOString(),
				finishedAt: new Date(first.getTime() + 60_000).toISOString()
			})
		);
		await evaluateBackupExpectations();
		const slots = await getDb()
			.select()
			.from(backupExpectation)
			.where(eq(backupExpectation.clientId, t.id));
		const states = slots.map((s) => s.state);
		expect(states).toContain('late'); // sent 3 days after its slot's grace
		expect(states.filter((s) => s === 'missing').length).toBeGreaterThanOrEqual(2);
		const missingEvents = async () =>
			(await getDb().select().from(event).where(eq(event.clientId, t.id))).filter(
				(e) => e.kind === 'backup.missing'
			).length;
		const before = await missingEvents();
		expect(before).toBe(states.filter((s) => s === 'missing').length);
		const mails = await getDb().select().from(outboxMail).where(eq(outboxMail.to, contact.email));
		expect(
			mails.filter((x) => x.subject.includes('manquante') || x.subject.includes('Missing')).length
		).toBe(before);
		await evaluateBackupExpectations();
		expect(await missingEvents()).toBe(before);
		// The job walks every client of the database, which the files before this one filled.
	}, 60_000);
});
