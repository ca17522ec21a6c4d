import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { backupFile } from '../../src/lib/server/db/schema';
import { evaluateBackupExpectations } from '../../src/lib/server/backups/jobs';
import { ingestBackup } from '../../src/lib/server/backups/ingest';
import { getBackup } from '../../src/lib/server/backups/read';
import {
	backupCompliance,
	backupMachines,
	backupVolumes,
	listBackupPage,
	receptionRecipients,
	verifyStoredReport
} from '../../src/lib/server/backups/overview';
import { staffBackupOverview } from '../../src/lib/server/backups/staff';
import { createToken } from '../../src/lib/server/tokens/service';
import { createMember, createStaff, createTenant, statusOf, unique } from './factories';

const DAY_MS = 86_400_000;

async function setup() {
	const staff = await createStaff();
	const t = await createTenant(staff, 'dobaas');
	await createComponent(staff, t.slug, { key: 'srv-1', name: 'Serveur 1', kind: 'server' });
	await createComponent(staff, t.slug, { key: 'srv-2', name: 'Serveur 2', kind: 'server' });
	const [contact, clientAdmin, viewer] = await Promise.all([
		createMember(t.id, t.slug, 'contact'),
		createMember(t.id, t.slug, 'admin'),
		createMember(t.id, t.slug, 'viewer')
	]);
	const token = await createToken(staff, { name: unique('agent'), scope: 'ingest' });
	const agent: RequestContext = {
		actor: { kind: 'token', tokenId: token.id, scope: 'ingest' },
		ip: '127.0.0.1'
	};
	return { staff, t, contact, clientAdmin, viewer, agent };
}

function run(startedAt: Date, extra: Record<string, unknown> = {}) {
	return {
		externalId: unique('run'),
		component: 'srv-1',
		kind: 'incremental',
		startedAt: startedAt.toISOString(),
		finishedAt: new Date(startedAt.getTime() + 600_000).toISOString(),
		status: 'succeeded',
		sizeBytes: 100_000,
		changedBytes: 1_000,
		copies: [{ site: 'Lyon', country: 'FR' }],
		files: [
			{ path: '/data/a.dat', modifiedAt: startedAt.toISOString(), sizeBytes: 10 },
			{ path: '/data/b.dat', modifiedAt: startedAt.toISOString(), sizeBytes: 20 }
		],
		...extra
	};
}

describe('the backups pages (issue 12 scope 6)', () => {
	it('shows each machine with its problems first: missing, then flagged with the clause, and "no backup yet"', async () => {
		const { t, agent, contact } = await setup();
		const now = new Date();
		await ingestBackup(agent, t.slug, run(new Date(now.getTime() - 4 * DAY_MS)));
		await ingestBackup(
			agent,
			t.slug,
			run(new Date(now.getTime() - 3_600_000), {
				changedBytes: 20_000,
				copies: [{ site: 'Francfort', country: 'DE' }]
			})
		);
		await evaluateBackupExpectations(now);

		const machines = await backupMachines(contact, t.slug, now);
		expect(machines.map((m) => m.key)).toEqual(['srv-1', 'srv-2']);
		const [one, two] = machines;
		expect(one.problems[0].kind).toBe('missing');
		const flagged = one.problems.filter((p) => p.kind === 'flagged');
		expect(flagged.map((p) => p.kind === 'flagged' && p.flag.clause).sort()).toEqual([
			'003 art. 3',
			'003 art. 4.05'
		]);
		expect(one.problems.findIndex((p) => p.kind === 'flagged')).toBeGreaterThan(
			one.problems.findLastIndex((p) => p.kind === 'missing')
		);
		expect(one.nextExpected).not.toBeNull();
		expect(new Date(one.nextExpected!.at).getTime()).toBeGreaterThan(now.getTime());
		expect(one.schedules).toHaveLength(2);
		expect(two.problems).toEqual([{ kind: 'no_backup', at: null }]);

		const volumes = await backupVolumes(contact, t.slug, now);
		expect(volumes.map((v) => v.durationSeconds)).toEqual([600, 600]);
	});

	it('lists newest first, 25 a page, by machine, kind and status; a bad filter value is ignored', async () => {
		const { t, agent, viewer } = await setup();
		const start = Date.now() - 30 * 3_600_000;
		for (let i = 0; i < 27; i++)
			await ingestBackup(agent, t.slug, run(new Date(start + i * 3_600_000)));
		await ingestBackup(
			agent,
			t.slug,
			run(new Date(start - 3_600_000), { kind: 'full', status: 'failed' })
		);
		const first = await listBackupPage(viewer, t.slug, {});
		expect(first.total).toBe(28);
		expect(first.items).toHaveLength(25);
		expect(first.items[0].startedAt > first.items[1].startedAt).toBe(true);
		const second = await listBackupPage(viewer, t.slug, { page: '2' });
		expect(second.items).toHaveLength(3);
		const failed = await listBackupPage(viewer, t.slug, { status: 'failed' });
		expect(failed.items.map((b) => b.kind)).toEqual(['full']);
		expect((await listBackupPage(viewer, t.slug, { kind: 'incremental' })).total).toBe(27);
		expect((await listBackupPage(viewer, t.slug, { component: 'srv-2' })).total).toBe(0);
		const bogus = await listBackupPage(viewer, t.slug, { kind: 'weekly', page: 'x' });
		expect(bogus.filters).toEqual({ page: 1 });
		expect(bogus.total).toBe(28);
	});

	it('verifies the stored report in the portal, and one changed byte fails it; names the mail recipients', async () => {
		const { t, agent, contact, clientAdmin, viewer } = await setup();
		const { answer } = await ingestBackup(agent, t.slug, run(new Date(Date.now() - 3_600_000)));
		expect(await verifyStoredReport(viewer, t.slug, answer.id)).toEqual({ valid: true });
		const { client, backup } = await getBackup(viewer, t.slug, answer.id);
		expect(await receptionRecipients(client, backup)).toEqual(
			[contact.email, clientAdmin.email].sort()
		);
		await getDb()
			.update(backupFile)
			.set({ sizeBytes: 11 })
			.where(eq(backupFile.backupId, answer.id));
		expect(await verifyStoredReport(viewer, t.slug, answer.id)).toEqual({ valid: false });
	});

	it("counts the month's compliance per machine and in total", async () => {
		const { t, agent, contact } = await setup();
		const now = new Date();
		await ingestBackup(agent, t.slug, run(new Date(now.getTime() - 3_600_000)));
		const result = await backupCompliance(contact, t.slug, null, now);
		const [one, two] = result.machines;
		expect(one).toMatchObject({ key: 'srv-1', noBackupYet: false });
		expect(one.received).toBeLessThanOrEqual(one.expected);
		expect(two).toMatchObject({ key: 'srv-2', noBackupYet: true, expected: 0 });
		expect(result.total.expected).toBe(one.expected);
	});

	it("answers another client's member 404 on every read, and shows staff every client's problems", async () => {
		const { t, agent, staff } = await setup();
		const other = await setup();
		const { answer } = await ingestBackup(agent, t.slug, run(new Date(Date.now() - 3_600_000)));
		const stranger = other.contact;
		for (const read of [
			() => listBackupPage(stranger, t.slug, {}),
			() => backupMachines(stranger, t.slug),
			() => backupVolumes(stranger, t.slug),
			() => backupCompliance(stranger, t.slug),
			() => verifyStoredReport(stranger, t.slug, answer.id),
			() => staffBackupOverview(stranger, {})
		])
			expect(await statusOf(read)).toBe(404);

		const all = await staffBackupOverview(staff, { client: other.t.slug });
		expect(all.filters.client).toBe(other.t.slug);
		expect(new Set(all.problems.map((p) => p.clientSlug))).toEqual(new Set([other.t.slug]));
		expect(all.problems.map((p) => p.problem.kind)).toEqual(['no_backup', 'no_backup']);
		const mine = await staffBackupOverview(staff, { client: t.slug });
		expect(mine.recent.map((r) => r.id)).toEqual([answer.id]);
		expect(mine.problems.map((p) => p.component)).toEqual(['srv-2']);
	});
});
