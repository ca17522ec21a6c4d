import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { auditLog, event, statusInterval } from '../../src/lib/server/db/schema';
import { approveMaintenance, refuseMaintenance } from '../../src/lib/server/maintenance/approval';
import { listMaintenance } from '../../src/lib/server/maintenance/read';
import {
	cancelMaintenance,
	createMaintenance,
	updateMaintenance
} from '../../src/lib/server/maintenance/service';
import { getSlaReport } from '../../src/lib/server/sla/service';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const paris = (local: string) => new Date(`${local}:00+01:00`);
const ANNOUNCED = paris('2026-11-16T09:00');
const DECIDED = paris('2026-11-20T10:00');
const REPORTED = paris('2026-11-26T10:00');
/** Refused before anything is written, so it needs no stored token. */
const admin: RequestContext = {
	actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'admin' },
	ip: null
};

/** A softconcept client (000 §1.4: 48 business hours, over 1 h only with agreement), down 2 h on Tue 24 Nov 22:00. */
async function softconcept() {
	const staff = await createStaff();
	const t = await createTenant(staff, 'softconcept');
	const web = await createComponent(staff, t.slug, { key: 'web-1', name: 'Web', kind: 'server' });
	await getDb()
		.insert(statusInterval)
		.values([
			{
				componentId: web.id,
				status: 'up',
				fromAt: paris('2026-11-01T00:00'),
				toAt: paris('2026-11-24T22:00')
			},
			{
				componentId: web.id,
				status: 'down',
				fromAt: paris('2026-11-24T22:00'),
				toAt: paris('2026-11-25T00:00')
			},
			{ componentId: web.id, status: 'up', fromAt: paris('2026-11-25T00:00'), toAt: null }
		]);
	const [contact, clientAdmin, viewer] = await Promise.all([
		createMember(t.id, t.slug, 'contact'),
		createMember(t.id, t.slug, 'admin'),
		createMember(t.id, t.slug, 'viewer')
	]);
	return { staff, t, contact, clientAdmin, viewer };
}

const twoHours = (extra: Record<string, unknown> = {}) => ({
	components: ['web-1'],
	start: paris('2026-11-24T22:00').toISOString(),
	end: paris('2026-11-25T00:00').toISOString(),
	title: 'Migration du stockage',
	...extra
});

const downtime = async (ctx: RequestContext, slug: string) =>
	(await getSlaReport(ctx, slug, '2026-11', {}, REPORTED)).report.downtimeMinutes;

describe('000 §1.4: a window over 1 h needs the client’s written agreement', () => {
	it('is pending until a contact approves it; then the SLA excludes it', async () => {
		const { staff, t, contact, viewer } = await softconcept();
		const created = await createMaintenance(staff, t.slug, twoHours(), ANNOUNCED);
		expect(created).toMatchObject({
			compliant: false,
			reasons: ['approval_missing'],
			warnings: [],
			needsApproval: true
		});
		expect(await downtime(viewer, t.slug)).toBe(120);
		const approved = await approveMaintenance(
			contact,
			t.slug,
			created.id,
			{ comment: 'OK' },
			DECIDED
		);
		expect(approved).toMatchObject({
			compliant: true,
			state: 'published',
			approval: {
				state: 'approved',
				by: 'Member contact',
				at: DECIDED.toISOString(),
				comment: 'OK'
			}
		});
		expect(await downtime(viewer, t.slug)).toBe(0);
		expect(await statusOf(() => approveMaintenance(contact, t.slug, created.id, {}, DECIDED))).toBe(
			409
		);
	});

	it('refused, it stays counted and cannot start as compliant', async () => {
		const { staff, t, clientAdmin, viewer } = await softconcept();
		const { id } = await createMaintenance(staff, t.slug, twoHours(), ANNOUNCED);
		expect(await statusOf(() => refuseMaintenance(clientAdmin, t.slug, id, {}, DECIDED))).toBe(422);
		const refused = await refuseMaintenance(
			clientAdmin,
			t.slug,
			id,
			{ comment: 'Pas ce soir' },
			DECIDED
		);
		expect(refused).toMatchObject({
			compliant: false,
			reasons: ['approval_missing'],
			approval: { state: 'refused', comment: 'Pas ce soir' }
		});
		expect(await downtime(viewer, t.slug)).toBe(120);
	});

	it('only an authorized contact or the client admin decides: viewers, staff and tokens 403, another client 404', async () => {
		const { staff, t, viewer, contact } = await softconcept();
		const other = await createTenant(staff, 'softconcept');
		const stranger = await createMember(other.id, other.slug, 'contact');
		const { id } = await createMaintenance(staff, t.slug, twoHours(), ANNOUNCED);
		for (const who of [viewer, staff, admin])
			expect(await statusOf(() => approveMaintenance(who, t.slug, id, {}, DECIDED))).toBe(403);
		expect(await statusOf(() => approveMaintenance(stranger, t.slug, id, {}, DECIDED))).toBe(404);
		expect(await statusOf(() => approveMaintenance(stranger, other.slug, id, {}, DECIDED))).toBe(
			404
		);
		expect(
			await statusOf(() => approveMaintenance(contact, t.slug, id, {}, paris('2026-11-24T22:00')))
		).toBe(409);
		const short = await createMaintenance(
			staff,
			t.slug,
			twoHours({ end: paris('2026-11-24T22:30').toISOString() }),
			ANNOUNCED
		);
		expect(short).toMatchObject({ compliant: true, needsApproval: false });
		expect(await statusOf(() => approveMaintenance(contact, t.slug, short.id, {}, DECIDED))).toBe(
			409
		);
	});
});

describe('the lifecycle: draft → published → in progress → completed, or cancelled', () => {
	it('a draft is staff’s and excludes nothing; published in time, it is excluded', async () => {
		const { staff, t, viewer, contact } = await softconcept();
		const half = { end: paris('2026-11-24T22:30').toISOString() };
		const draft = await createMaintenance(
			staff,
			t.slug,
			twoHours({ ...half, publish: false }),
			ANNOUNCED
		);
		expect(draft).toMatchObject({ compliant: true });
		expect((await listMaintenance(viewer, t.slug, {}, ANNOUNCED)).items).toEqual([]);
		expect(await statusOf(() => approveMaintenance(contact, t.slug, draft.id, {}, DECIDED))).toBe(
			404
		);
		expect((await listMaintenance(staff, t.slug, {}, ANNOUNCED)).items[0].state).toBe('draft');
		expect(await downtime(viewer, t.slug)).toBe(120);

		const published = await updateMaintenance(
			staff,
			t.slug,
			draft.id,
			{ publish: true },
			ANNOUNCED
		);
		expect(published).toMatchObject({ state: 'published', compliant: true });
		expect(published.announcedAt).toBe(ANNOUNCED.toISOString());
		expect(await downtime(viewer, t.slug)).toBe(90);
		const states = async (at: string) =>
			(await listMaintenance(viewer, t.slug, {}, paris(at))).items.map((i) => i.state);
		expect(await states('2026-11-24T22:10')).toEqual(['in_progress']);
		expect(await states('2026-11-24T22:30')).toEqual(['completed']);
		expect(
			(await listMaintenance(viewer, t.slug, { state: 'in_progress' }, paris('2026-11-24T22:10')))
				.items
		).toHaveLength(1);
		expect(
			(await listMaintenance(viewer, t.slug, { from: '2026-11-25', to: '2026-11-30' })).items
		).toEqual([]);
		expect(
			await statusOf(() =>
				updateMaintenance(
					staff,
					t.slug,
					draft.id,
					{ title: 'Trop tard' },
					paris('2026-11-24T22:30')
				)
			)
		).toBe(409);
	});

	it('moving an approved window announces it anew and resets the agreement; cancelling excludes nothing', async () => {
		const { staff, t, contact, viewer } = await softconcept();
		const { id } = await createMaintenance(staff, t.slug, twoHours(), ANNOUNCED);
		await approveMaintenance(contact, t.slug, id, {}, DECIDED);
		const moved = await updateMaintenance(
			staff,
			t.slug,
			id,
			{ start: paris('2026-11-24T21:30').toISOString() },
			paris('2026-11-20T11:00')
		);
		expect(moved).toMatchObject({
			compliant: false,
			reasons: ['approval_missing'],
			approval: { state: 'pending' },
			announcedAt: paris('2026-11-20T11:00').toISOString()
		});
		const renamed = await updateMaintenance(staff, t.slug, id, { title: 'Stockage' }, DECIDED);
		expect(renamed.announcedAt).toBe(paris('2026-11-20T11:00').toISOString());
		await approveMaintenance(contact, t.slug, id, {}, paris('2026-11-21T09:00'));
		expect(await downtime(viewer, t.slug)).toBe(0);

		expect(await statusOf(() => cancelMaintenance(staff, t.slug, id, { reason: '' }))).toBe(422);
		const cancelled = await cancelMaintenance(staff, t.slug, id, { reason: 'Reportée' }, DECIDED);
		expect(cancelled).toMatchObject({ state: 'cancelled', cancelReason: 'Reportée' });
		expect(await downtime(viewer, t.slug)).toBe(120);
		expect(await statusOf(() => cancelMaintenance(staff, t.slug, id, { reason: 'Encore' }))).toBe(
			409
		);

		const audit = await getDb()
			.select({ action: auditLog.action })
			.from(auditLog)
			.where(eq(auditLog.targetId, id))
			.orderBy(auditLog.id);
		expect(audit.map((a) => a.action)).toEqual([
			'maintenance.created',
			'maintenance.approved',
			'maintenance.updated',
			'maintenance.updated',
			'maintenance.approved',
			'maintenance.cancelled'
		]);
		const events = await getDb()
			.select({ kind: event.kind })
			.from(event)
			.where(and(eq(event.clientId, t.id), sql`${event.payload}->>'id' = ${id}`))
			.orderBy(event.id);
		expect(events.map((e) => e.kind)).toEqual(audit.map((a) => a.action));
	});
});

describe('bad input: 422 naming the field, nothing stored', () => {
	it('refuses windows that are inverted, too long, too far ahead, of another client or of an unknown kind', async () => {
		const { staff, t } = await softconcept();
		const other = await createTenant(staff, 'softconcept');
		await createComponent(staff, other.slug, { key: 'db-9', name: 'Base', kind: 'database' });
		const now = new Date();
		const at = (days: number) => new Date(now.getTime() + days * 86_400_000).toISOString();
		const field = async (input: Record<string, unknown>) => {
			try {
				await createMaintenance(staff, t.slug, twoHours(input), now);
				return 'stored';
			} catch (e) {
				return Object.keys((e as { details: { fields: object } }).details.fields);
			}
		};
		expect(await field({ start: at(3), end: at(2) })).toEqual(['end']);
		expect(await field({ start: at(3), end: at(10.5) })).toEqual(['end']);
		expect(await field({ start: at(800), end: at(800.1) })).toEqual(['start']);
		expect(await field({ components: ['db-9'] })).toEqual(['components']);
		expect(await field({ kind: 'cosmic' })).toEqual(['kind']);
		expect(await statusOf(() => listMaintenance(staff, t.slug, { from: 'yesterday' }))).toBe(422);
		expect(await statusOf(() => listMaintenance(staff, t.slug, { state: 'paused' }))).toBe(422);
		expect((await listMaintenance(staff, t.slug, {})).items).toEqual([]);
	});

	it('another client’s window is a 404 on every route', async () => {
		const { staff, t } = await softconcept();
		const other = await createTenant(staff, 'softconcept');
		const stranger = await createMember(other.id, other.slug, 'admin');
		const { id } = await createMaintenance(staff, t.slug, twoHours(), ANNOUNCED);
		expect(await statusOf(() => listMaintenance(stranger, t.slug, {}))).toBe(404);
		expect(await statusOf(() => updateMaintenance(staff, other.slug, id, { title: 'Autre' }))).toBe(
			404
		);
		expect(
			await statusOf(() => cancelMaintenance(staff, other.slug, id, { reason: 'Autre' }))
		).toBe(404);
		expect(
			await statusOf(() => refuseMaintenance(stranger, other.slug, id, { comment: 'Non' }))
		).toBe(404);
		expect(await statusOf(() => updateMaintenance(staff, t.slug, 'not-a-uuid', {}))).toBe(404);
	});
});
