import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import { getDb } from '../../src/lib/server/db';
import {
	auditLog,
	clientExport,
	component,
	event,
	incident,
	incidentUpdate,
	membership,
	outboxMail,
	statusDay,
	statusInterval
} from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';
import { DATASETS } from '../../src/lib/server/export/datasets';
import type { Manifest } from '../../src/lib/server/export/format';
import { expireExports, runExportQueue } from '../../src/lib/server/export/jobs';
import {
	downloadExport,
	getExport,
	listExports,
	requestExport
} from '../../src/lib/server/export/service';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { postIncidentUpdate } from '../../src/lib/server/incidents/workflow';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const DAY = 86_400_000;
let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'portal-export-'));
	process.env.EXPORT_DIR = dir;
});
afterAll(async () => {
	delete process.env.EXPORT_DIR;
	await rm(dir, { recursive: true, force: true });
});

/** Every entry of a ZIP file, uncompressed (the test's exports are small). */
function unzip(path: string): Promise<Map<string, Buffer>> {
	return new Promise((resolve, reject) => {
		const files = new Map<string, Buffer>();
		yauzl.open(path, { lazyEntries: true }, (err, zip) => {
			if (err || !zip) return reject(err);
			zip.on('error', reject);
			zip.on('end', () => resolve(files));
			zip.on('entry', (entry: yauzl.Entry) => {
				zip.openReadStream(entry, (e, stream) => {
					if (e || !stream) return reject(e);
					const chunks: Buffer[] = [];
					stream.on('data', (c: Buffer) => chunks.push(c));
					stream.on('end', () => {
						files.set(entry.fileName, Buffer.concat(chunks));
						zip.readEntry();
					});
				});
			});
			zip.readEntry();
		});
	});
}

async function seededClient() {
	const staff = await createStaff();
	const t = await createTenant(staff, 'softconcept');
	await createComponent(staff, t.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
	await createComponent(staff, t.slug, { key: 'db-1', name: 'DB 1', kind: 'server' });
	const admin = await createMember(t.id, t.slug, 'admin');
	const contact = await createMember(t.id, t.slug, 'contact');
	const components = await getDb().select().from(component).where(eq(component.clientId, t.id));
	// 60 days of timeline: an hour down each day, the rest up.
	const start = Date.now() - 60 * DAY;
	const intervals = components.flatMap((c) =>
		Array.from({ length: 60 }, (_, d) => [
			{
				componentId: c.id,
				status: 'up' as const,
				fromAt: new Date(start + d * DAY),
				toAt: new Date(start + d * DAY + 23 * 3_600_000)
			},
			{
				componentId: c.id,
				status: 'down' as const,
				fromAt: new Date(start + d * DAY + 23 * 3_600_000),
				toAt: d === 59 ? null : new Date(start + (d + 1) * DAY)
			}
		]).flat()
	);
	await getDb().insert(statusInterval).values(intervals);
	await getDb()
		.insert(statusDay)
		.values(
			components.flatMap((c) =>
				Array.from({ length: 60 }, (_, d) => ({
					componentId: c.id,
					day: new Date(start + d * DAY).toISOString().slice(0, 10),
					upSeconds: 82_800,
					downSeconds: 3_600
				}))
			)
		);
	const filed = await fileIncident(contact, t.slug, {
		severity: 'major',
		components: ['web-1'],
		title: '=HYPERLINK("http://evil.example","clic")',
		description: 'Panne\n"citée", avec virgule'
	});
	await postIncidentUpdate(staff, t.slug, filed.number, { message: 'Disque remplacé.' });
	await postIncidentUpdate(staff, t.slug, filed.number, {
		message: 'Note interne: fournisseur en retard',
		internal: true
	});
	return { staff, t, admin, contact, incidentNumber: filed.number };
}

describe('full export (000 §1.9, 004 art. 10: reversibility)', () => {
	it('builds a ZIP whose every file matches the manifest and the database', async () => {
		const { t, admin } = await seededClient();
		const asked = await requestExport(admin, t.slug);
		expect(asked.status).toBe('queued');

		const done = await runExportQueue();
		expect(done?.id).toBe(asked.id);
		expect(done?.status, done?.error ?? '').toBe('ready');
		expect(done?.percent).toBe(100);
		expect(done!.expiresAt!.getTime() - done!.finishedAt!.getTime()).toBe(7 * DAY);
		const path = join(dir, done!.filePath!);
		const zipBytes = await readFile(path);
		expect(createHash('sha256').update(zipBytes).digest('hex')).toBe(done!.sha256);
		expect(zipBytes.length).toBe(done!.sizeBytes);

		const files = await unzip(path);
		const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8')) as Manifest;
		expect(manifest.formatVersion).toBe(1);
		expect(manifest.client.slug).toBe(t.slug);
		const listed = manifest.files.map((f) => f.name);
		expect([...files.keys()].sort()).toEqual([...listed, 'manifest.json', 'SHA256SUMS'].sort());
		const expected = [
			'client.json',
			'sla_months.csv',
			'sla_months.jsonl',
			...DATASETS.flatMap((d) => [`${d.name}.csv`, `${d.name}.jsonl`])
		].sort();
		expect(listed.slice().sort()).toEqual(expected);

		for (const f of manifest.files) {
			const bytes = files.get(f.name)!;
			expect(createHash('sha256').update(bytes).digest('hex'), f.name).toBe(f.sha256);
			expect(bytes.length, f.name).toBe(f.bytes);
			const text = bytes.toString('utf8');
			if (f.name.endsWith('.jsonl'))
				expect(text.split('\n').filter(Boolean).length, f.name).toBe(f.rows);
		}
		const sums = files.get('SHA256SUMS')!.toString('utf8');
		for (const f of manifest.files) expect(sums).toContain(`${f.sha256}  ${f.name}\n`);

		const rows = (name: string) => manifest.files.find((f) => f.name === name)!.rows;
		const db = getDb();
		const [intervals] = await db
			.select({ n: count() })
			.from(statusInterval)
			.innerJoin(component, eq(component.id, statusInterval.componentId))
			.where(eq(component.clientId, t.id));
		expect(rows('status_timeline.csv')).toBe(intervals.n);
		expect(rows('status_timeline.jsonl')).toBe(240);
		expect(rows('status_days.csv')).toBe(120);
		expect(rows('components.csv')).toBe(2);
		const [incidents] = await db
			.select({ n: count() })
			.from(incident)
			.where(eq(incident.clientId, t.id));
		expect(rows('incidents.csv')).toBe(incidents.n);
		const [visible] = await db
			.select({ n: count() })
			.from(incidentUpdate)
			.innerJoin(incident, eq(incident.id, incidentUpdate.incidentId))
			.where(and(eq(incident.clientId, t.id), eq(incidentUpdate.internal, false)));
		expect(rows('incident_timeline.jsonl')).toBe(visible.n);
		const [audits] = await db
			.select({ n: count() })
			.from(auditLog)
			.where(eq(auditLog.clientId, t.id));
		// The snapshot was taken before the job wrote its own `export.ready` row.
		expect(rows('audit_trail.csv')).toBe(audits.n - 1);
		expect(rows('people.csv')).toBe(2);
		expect(rows('sla_months.csv')).toBeGreaterThanOrEqual(1);

		const timeline = files.get('incident_timeline.jsonl')!.toString('utf8');
		expect(timeline).toContain('Disque remplacé.');
		expect(timeline).not.toContain('Note interne');
		const incidentsCsv = files.get('incidents.csv')!.toString('utf8');
		expect(incidentsCsv.startsWith('\uFEFF"id",')).toBe(true);
		expect(incidentsCsv).toContain(`"'=HYPERLINK(""http://evil.example"",""clic"")"`);
		expect(incidentsCsv).toContain('"Panne\n""citée"", avec virgule"');
		const client = JSON.parse(files.get('client.json')!.toString('utf8'));
		expect(client.client.slug).toBe(t.slug);
		expect(client.contract.preset).toBe('softconcept');
		expect(client.settings.sla.targetPercent).toBeTypeOf('number');

		const mails = await db.select().from(outboxMail).where(eq(outboxMail.to, admin.email));
		const ready = mails.find((m) => m.text.includes(done!.sha256!));
		expect(ready?.text).toContain(`/app/${t.slug}/export`);
		const events = await db.select().from(event).where(eq(event.clientId, t.id));
		const progress = events.filter((e) => e.kind === 'export.progress');
		expect(progress.map((e) => (e.payload as { status: string }).status)).toEqual(
			expect.arrayContaining(['queued', 'running', 'ready'])
		);
		const actions = (
			await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.clientId, t.id))
		).map((r) => r.action);
		expect(actions).toEqual(expect.arrayContaining(['export.requested', 'export.ready']));

		const download = await downloadExport(admin, t.slug, done!.id);
		expect(download.size).toBe(done!.sizeBytes);
		expect(download.sha256).toBe(done!.sha256);
		await download.body.cancel();
	});

	it('answers 409 with the running export when asked twice, storing nothing more', async () => {
		const { t, admin, staff } = await seededClient();
		const first = await requestExport(admin, t.slug);
		const second = await requestExport(staff, t.slug).catch((e: unknown) => e);
		expect(second).toBeInstanceOf(ServiceError);
		expect((second as ServiceError).status).toBe(409);
		expect(((second as ServiceError).details as { running: { id: string } }).running.id).toBe(
			first.id
		);
		const raced = await Promise.allSettled([
			requestExport(admin, t.slug),
			requestExport(admin, t.slug)
		]);
		expect(raced.every((r) => r.status === 'rejected')).toBe(true);
		const rows = await getDb().select().from(clientExport).where(eq(clientExport.clientId, t.id));
		expect(rows).toHaveLength(1);
		expect((await listExports(admin, t.slug)).running?.id).toBe(first.id);
		await runExportQueue();
		expect((await getExport(admin, t.slug, first.id)).status).toBe('ready');
		expect(await statusOf(() => requestExport(admin, t.slug))).toBe('ok');
		await runExportQueue();
	});

	it('deletes the file after seven days and marks the export expired', async () => {
		const { t, admin } = await seededClient();
		await requestExport(admin, t.slug);
		const done = (await runExportQueue())!;
		const path = join(dir, done.filePath!);
		expect(existsSync(path)).toBe(true);
		// Other tests' exports may expire with it: only this one's state is checked.
		await expireExports(new Date(done.expiresAt!.getTime() - 1000));
		expect((await getExport(admin, t.slug, done.id)).status).toBe('ready');
		expect(existsSync(path)).toBe(true);
		expect(await expireExports(new Date(done.expiresAt!.getTime() + 1000))).toBeGreaterThanOrEqual(
			1
		);
		expect(existsSync(path)).toBe(false);
		const after = await getExport(admin, t.slug, done.id);
		expect(after.status).toBe('expired');
		expect(after.downloadPath).toBeNull();
		expect(await statusOf(() => downloadExport(admin, t.slug, done.id))).toBe(404);
	});

	it('refuses other tenants (404) and non-admin members (403)', async () => {
		const mine = await seededClient();
		const theirs = await seededClient();
		await requestExport(mine.admin, mine.t.slug);
		const done = (await runExportQueue())!;
		const viewer = await createMember(mine.t.id, mine.t.slug, 'viewer');
		for (const run of [
			() => requestExport(theirs.admin, mine.t.slug),
			() => listExports(theirs.admin, mine.t.slug),
			() => getExport(theirs.admin, mine.t.slug, done.id),
			() => downloadExport(theirs.admin, mine.t.slug, done.id),
			() => getExport(theirs.admin, theirs.t.slug, done.id),
			() => downloadExport(theirs.admin, theirs.t.slug, done.id),
			() => getExport(mine.admin, mine.t.slug, 'not-a-uuid')
		])
			expect(await statusOf(run)).toBe(404);
		for (const member of [mine.contact, viewer]) {
			expect(await statusOf(() => requestExport(member, mine.t.slug))).toBe(403);
			expect(await statusOf(() => listExports(member, mine.t.slug))).toBe(403);
			expect(await statusOf(() => downloadExport(member, mine.t.slug, done.id))).toBe(403);
		}
		expect(await statusOf(() => downloadExport(mine.staff, mine.t.slug, done.id))).toBe('ok');
	});

	it('fails an export whose requester lost the admin role before it ran', async () => {
		const { t, admin } = await seededClient();
		await requestExport(admin, t.slug);
		await getDb()
			.update(membership)
			.set({ role: 'viewer' })
			.where(eq(membership.userId, admin.actor.kind === 'member' ? admin.actor.userId : ''));
		const done = (await runExportQueue())!;
		expect(done.status).toBe('failed');
		expect(done.filePath).toBeNull();
		expect(done.error).toBeTruthy();
	});
});
