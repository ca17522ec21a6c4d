import { and, asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	createClient,
	getClient,
	getContract,
	listClients,
	updateContract
} from '../../src/lib/server/clients/service';
import {
	createComponent,
	listComponents,
	updateComponent
} from '../../src/lib/server/components/service';
import { getDb } from '../../src/lib/server/db';
import { auditLog, client, event } from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';
import { createMember, createStaff, createTenant, unique, statusOf } from './factories';

describe('tenant isolation (000 §4: one client never sees another, not even its existence)', () => {
	it("answers 404 for another client's resources, exactly as for a missing client", async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const theirs = await createTenant(staff);
		const viewer = await createMember(mine.id, mine.slug, 'viewer');

		expect(await statusOf(() => getClient(viewer, mine.slug))).toBe('ok');
		expect(await statusOf(() => getClient(viewer, theirs.slug))).toBe(404);
		expect(await statusOf(() => getClient(viewer, 'no-such-client'))).toBe(404);
		expect(await statusOf(() => listComponents(viewer, theirs.slug))).toBe(404);
		expect(await statusOf(() => getContract(viewer, theirs.slug))).toBe(404);
	});

	it('keeps client users out of provider-wide listings and writes', async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const admin = await createMember(mine.id, mine.slug, 'admin');
		expect(await statusOf(() => listClients(admin, {}))).toBe(404);
		expect(
			await statusOf(() =>
				createComponent(admin, mine.slug, { key: 'x', name: 'X', kind: 'server' })
			)
		).toBe(404);
		expect(await statusOf(() => updateContract(admin, mine.slug, { preset: 'axantis' }))).toBe(404);
	});

	it('lets operators manage components but not clients or contracts', async () => {
		const admin = await createStaff('admin');
		const operator = await createStaff('operator');
		const tenant = await createTenant(admin);
		expect(
			await statusOf(() =>
				createComponent(operator, tenant.slug, { key: 'web', name: 'Web', kind: 'server' })
			)
		).toBe('ok');
		expect(await statusOf(() => updateContract(operator, tenant.slug, { preset: 'axantis' }))).toBe(
			403
		);
		expect(
			await statusOf(() =>
				createClient(operator, { slug: unique('x'), name: 'X', contract: { preset: 'alteo' } })
			)
		).toBe(403);
	});
});

describe('clients and contracts', () => {
	it('refuses invalid input with field messages and stores nothing', async () => {
		const staff = await createStaff();
		const slug = unique('bad');
		const error = await createClient(staff, {
			slug,
			name: '',
			timezone: 'Mars/Olympus',
			contract: { preset: 'alteo', overrides: { sla: { targetPercent: 120 } } }
		}).catch((e) => e);
		expect(error).toBeInstanceOf(ServiceError);
		expect(error.status).toBe(422);
		expect(Object.keys(error.details.fields).sort()).toEqual(['name', 'overrides', 'timezone']);
		expect(await getDb().select().from(client).where(eq(client.slug, slug))).toHaveLength(0);
	});

	it('answers 409 on a duplicate slug and keeps the first client intact', async () => {
		const staff = await createStaff();
		const first = await createTenant(staff);
		const error = await createClient(staff, {
			slug: first.slug,
			name: 'Other',
			contract: { preset: 'axantis' }
		}).catch((e) => e);
		expect(error.status).toBe(409);
		expect((await getClient(staff, first.slug)).name).toBe(first.name);
	});

	it('validates contract overrides against the preset (unknown keys refused) and audits the change', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const typo = await updateContract(staff, tenant.slug, {
			preset: 'alteo',
			overrides: { sla: { target: 99 } }
		}).catch((e) => e);
		expect(typo.status).toBe(422);
		expect(typo.details.fields.overrides).toBe(
			'Dérogations refusées : Disponibilité › target (sla.target) : réglage inconnu (faute de frappe ?)'
		);
		const wrongType = await updateContract(staff, tenant.slug, {
			preset: 'alteo',
			overrides: { sla: { targetPercent: '99,9' } }
		}).catch((e) => e);
		expect(wrongType.details.fields.overrides).toBe(
			'Dérogations refusées : Disponibilité › objectif (%) (sla.targetPercent) : un nombre est attendu'
		);

		await updateContract(staff, tenant.slug, {
			preset: 'axantis',
			overrides: { sla: { targetPercent: 99.9 } },
			monthlyFeeCents: 12345
		});
		const { contract, settings } = await getContract(staff, tenant.slug);
		expect(contract.monthlyFeeCents).toBe(12345);
		expect(settings?.sla.targetPercent).toBe(99.9);
		expect(settings?.sla.coverage.mode).toBe('schedule');

		const [audit] = await getDb()
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.clientId, tenant.id), eq(auditLog.action, 'contract.updated')));
		expect(audit.actorUserId).toBe(staff.actor.kind === 'staff' ? staff.actor.userId : null);
		expect(audit.ip).toBe('127.0.0.1');
		expect((audit.before as { preset: string }).preset).toBe('alteo');
		expect((audit.after as { preset: string }).preset).toBe('axantis');
	});
});

describe('components', () => {
	it('answers 409 on a duplicate key, and a rename writes an audit row and a live event in one go', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		await createComponent(staff, tenant.slug, {
			key: 'web-1',
			name: 'Web',
			kind: 'server',
			public: true
		});
		const dup = await createComponent(staff, tenant.slug, {
			key: 'web-1',
			name: 'Again',
			kind: 'server'
		}).catch((e) => e);
		expect(dup.status).toBe(409);

		await updateComponent(staff, tenant.slug, 'web-1', { name: 'Web renamed' });
		// In the order they were appended: unordered, the update can come back first.
		const events = await getDb()
			.select()
			.from(event)
			.where(eq(event.clientId, tenant.id))
			.orderBy(asc(event.id));
		expect(events.map((e) => e.kind)).toEqual(['component.created', 'component.updated']);
		expect(events[1].payload).toMatchObject({ component: { key: 'web-1', name: 'Web renamed' } });
		const audits = await getDb().select().from(auditLog).where(eq(auditLog.clientId, tenant.id));
		expect(audits.map((a) => a.action)).toContain('component.updated');
	});

	it('refuses an unknown field or kind with 422', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		await createComponent(staff, tenant.slug, { key: 'db', name: 'DB', kind: 'database' });
		expect(
			(await updateComponent(staff, tenant.slug, 'db', { colour: 'red' }).catch((e) => e)).status
		).toBe(422);
		expect(
			(
				await createComponent(staff, tenant.slug, { key: 'x', name: 'X', kind: 'toaster' }).catch(
					(e) => e
				)
			).status
		).toBe(422);
	});
});
