import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../../src/lib/server/auth/session';
import {
	getContractEnd,
	recordContractEnd,
	withdrawContractEnd
} from '../../src/lib/server/clients/end-of-contract';
import { destroyDueClients } from '../../src/lib/server/clients/destruction';
import { createComponent } from '../../src/lib/server/components/service';
import { localDate } from '../../src/lib/server/contracts/end-of-contract';
import { getDb, rowsOf } from '../../src/lib/server/db';
import {
	auditLog,
	clientTombstone,
	component,
	membership,
	sample
} from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';
import { runExportQueue } from '../../src/lib/server/export/jobs';
import { requestExport } from '../../src/lib/server/export/service';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { inviteMember } from '../../src/lib/server/people/service';
import { updateSubscriptions } from '../../src/lib/server/people/subscriptions';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const DAY = 86_400_000;
let dir: string;

beforeAll(async () => {
	dir = await mkdtemp(join(tmpdir(), 'portal-destruction-'));
	process.env.EXPORT_DIR = dir;
});
afterAll(async () => {
	delete process.env.EXPORT_DIR;
	await rm(dir, { recursive: true, force: true });
});

/** A client with people, sessions, components, an incident, mail, an export and a trail. */
async function seededClient(preset = 'softconcept') {
	const staff = await createStaff();
	const t = await createTenant(staff, preset);
	const web = await createComponent(staff, t.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
	// Samples have no foreign key (migration 0021): a trigger deletes them with their component.
	await getDb()
		.insert(sample)
		.values(
			Array.from({ length: 30 }, (_, i) => ({
				componentId: web.id,
				at: new Date(Date.now() - i * 60_000),
				status: 'up' as const
			}))
		);
	const admin = await createMember(t.id, t.slug, 'admin');
	const contact = await createMember(t.id, t.slug, 'contact');
	await createSession(getDb(), contact.actor.kind === 'member' ? contact.actor.userId : '', null);
	await inviteMember(
		admin,
		t.slug,
		{ email: `${t.slug}-new@test.local`, name: 'Nouvelle', role: 'viewer' },
		'http://portal.test',
		'fr'
	);
	await updateSubscriptions(contact, t.slug, { scope: 'chosen', components: ['web-1'] });
	await fileIncident(contact, t.slug, {
		severity: 'major',
		components: ['web-1'],
		title: 'Site lent',
		description: 'Le site répond en 20 s.'
	});
	await requestExport(admin, t.slug);
	const exported = await runExportQueue();
	expect(exported?.status, exported?.error ?? '').toBe('ready');
	return { staff, t, admin, contact, exported: exported! };
}

/** Every row of every table of the portal but the trail and the tombstones that names `needles`. */
async function rowsNaming(needles: string[]) {
	const tables = rowsOf<{ name: string }>(
		await getDb().execute(sql`
			select table_name as name from information_schema.tables
			where table_schema = 'public' and table_type = 'BASE TABLE'
				and table_name not in ('audit_log', 'client_tombstone')`)
	);
	expect(tables.length).toBeGreaterThan(40);
	// Ids and slugs are [a-z0-9-]: no character of theirs means anything in a regular expression.
	const pattern = needles.join('|');
	const found: Record<string, number> = {};
	for (const { name } of tables) {
		const [{ n }] = rowsOf<{ n: number }>(
			await getDb().execute(
				sql`select count(*)::int as n from ${sql.identifier(name)} x where x::text ~ ${pattern}`
			)
		);
		if (n > 0) found[name] = n;
	}
	return found;
}

const trailOf = async (clientId: string) =>
	rowsOf<{ id: number; digest: string }>(
		await getDb().execute(
			sql`select id, md5(a::text) as digest from audit_log a where client_id = ${clientId} order by id`
		)
	);

describe('end of contract (000 §1.9, 002 art. 7.3, 003 art. 10, 004 art. 10)', () => {
	it('shows the client its end date, export window and destruction date, per its preset', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'axantis');
		const viewer = await createMember(t.id, t.slug, 'viewer');
		const now = new Date('2026-12-01T10:00:00Z');
		await recordContractEnd(staff, t.slug, { endsOn: '2026-12-18' }, now);
		const end = await getContractEnd(viewer, t.slug, now);
		// 004 art. 10: 30 working days; 25 Dec and 1 Jan are holidays.
		expect(end).toMatchObject({
			endsOn: '2026-12-18',
			exportOpensOn: null,
			exportClosesOn: '2027-02-02',
			destroyOn: '2027-02-02',
			clause: '004 art. 10',
			ended: false,
			exportOpen: true,
			daysToDestruction: 63,
			recordedByName: 'Staff admin'
		});
	});

	it('names the field of a bad end date and stores nothing', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'softconcept');
		const now = new Date('2026-12-01T10:00:00Z');
		for (const endsOn of ['2026-02-30', 'demain', '', '2026-11-30', '2032-12-01']) {
			const err = await recordContractEnd(staff, t.slug, { endsOn }, now).catch((e) => e);
			expect(err, endsOn).toBeInstanceOf(ServiceError);
			expect((err as ServiceError).status).toBe(422);
			expect((err as ServiceError).details).toMatchObject({
				fields: { endsOn: expect.any(String) }
			});
		}
		expect(await getContractEnd(staff, t.slug, now)).toBeNull();
		expect(await statusOf(() => withdrawContractEnd(staff, t.slug))).toBe(409);
	});

	it('lets only provider admins record or withdraw an end; other clients get a 404', async () => {
		const staff = await createStaff();
		const operator = await createStaff('operator');
		const t = await createTenant(staff, 'softconcept');
		const other = await createTenant(staff, 'softconcept');
		const admin = await createMember(t.id, t.slug, 'admin');
		const outsider = await createMember(other.id, other.slug, 'admin');
		const endsOn = localDate(new Date(Date.now() + 40 * DAY), 'Europe/Paris');
		expect(await statusOf(() => recordContractEnd(admin, t.slug, { endsOn }))).toBe(404);
		expect(await statusOf(() => recordContractEnd(operator, t.slug, { endsOn }))).toBe(403);
		expect(await statusOf(() => getContractEnd(outsider, t.slug))).toBe(404);
		expect(await statusOf(() => recordContractEnd(staff, t.slug, { endsOn }))).toBe('ok');
		expect(await statusOf(() => withdrawContractEnd(admin, t.slug))).toBe(404);
		expect(await statusOf(() => withdrawContractEnd(staff, t.slug))).toBe('ok');
		expect(await getContractEnd(admin, t.slug)).toBeNull();
	});

	it('refuses an export once the window has closed (002 art. 7.3: during the contract only)', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'defi');
		const admin = await createMember(t.id, t.slug, 'admin');
		const recorded = new Date('2026-12-01T10:00:00Z');
		await recordContractEnd(staff, t.slug, { endsOn: '2026-12-10' }, recorded);
		const err = await requestExport(admin, t.slug, new Date('2026-12-11T10:00:00Z')).catch(
			(e) => e
		);
		expect((err as ServiceError).status).toBe(409);
		expect((err as ServiceError).message).toMatch(/10 décembre 2026|10 December 2026/);
	});

	it('destroys every row of the client on its date, keeping the tombstone and the untouched trail', async () => {
		const { staff, t, admin, contact, exported } = await seededClient('softconcept');
		const people = await getDb()
			.select({ userId: membership.userId })
			.from(membership)
			.where(eq(membership.clientId, t.id));
		expect(people.length).toBe(3);
		const components = await getDb()
			.select({ id: component.id })
			.from(component)
			.where(eq(component.clientId, t.id));
		const needles = [t.id, t.slug, ...people.map((p) => p.userId), ...components.map((c) => c.id)];
		expect(Object.keys(await rowsNaming(needles)).length).toBeGreaterThan(8);

		// 000 §1.9: destroyed at the end date itself, i.e. once that day is over in Paris.
		const endsOn = localDate(new Date(), 'Europe/Paris');
		await recordContractEnd(staff, t.slug, { endsOn });
		expect(await destroyDueClients()).toEqual([]);
		const trailBefore = await trailOf(t.id);

		const after = new Date(Date.now() + 2 * DAY);
		const [tombstone] = await destroyDueClients(after);
		expect(tombstone).toMatchObject({
			clientId: t.id,
			slug: t.slug,
			name: t.name,
			preset: 'softconcept',
			endsOn,
			destroyOn: endsOn,
			orderedByName: 'Staff admin',
			exportSha256: exported.sha256
		});
		expect(await rowsNaming(needles)).toEqual({});
		expect(existsSync(join(dir, t.id))).toBe(false);

		const trailAfter = await trailOf(t.id);
		expect(trailAfter.slice(0, trailBefore.length)).toEqual(trailBefore);
		expect(trailAfter.length).toBe(trailBefore.length + 1);
		const [destroyed] = await getDb()
			.select()
			.from(auditLog)
			.where(eq(auditLog.id, trailAfter[trailAfter.length - 1].id));
		expect(destroyed).toMatchObject({ action: 'client.destroyed', clientName: t.name });
		const stones = await getDb()
			.select()
			.from(clientTombstone)
			.where(eq(clientTombstone.clientId, t.id));
		expect(stones.length).toBe(1);

		// Fresh request contexts: a context caches the client it reached.
		expect(await statusOf(() => getContractEnd({ ...admin }, t.slug))).toBe(404);
		expect(await statusOf(() => getContractEnd({ ...contact }, t.slug))).toBe(404);
		expect(await destroyDueClients(after)).toEqual([]);
	});

	it('keeps a client whose end was withdrawn before its date', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'softconcept');
		await recordContractEnd(staff, t.slug, { endsOn: localDate(new Date(), 'Europe/Paris') });
		await withdrawContractEnd(staff, t.slug);
		const destroyed = await destroyDueClients(new Date(Date.now() + 2 * DAY));
		expect(destroyed.map((d) => d.clientId)).not.toContain(t.id);
		expect(await getContractEnd(staff, t.slug)).toBeNull();
	});
});
