import { eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import { getDb } from '../../src/lib/server/db';
import { auditLog, event, maintenance } from '../../src/lib/server/db/schema';
import { ServiceError } from '../../src/lib/server/errors';
import {
	maintenanceCalendar,
	maintenanceDetail
} from '../../src/lib/server/maintenance/calendar-view';
import {
	previewMaintenanceMany,
	publishMaintenanceMany
} from '../../src/lib/server/maintenance/publish-many';
import { listStaffMaintenance } from '../../src/lib/server/maintenance/staff-console';
import { createMember, createStaff, createTenant, statusOf } from './factories';

/** Mon 16 Nov 2026 09:00 in Paris: the notice runs from here. */
const NOW = new Date('2026-11-16T08:00:00Z');

async function twoClients() {
	const staff = await createStaff();
	const soft = await createTenant(staff, 'softconcept');
	const alteo = await createTenant(staff, 'alteo');
	await createComponent(staff, soft.slug, { key: 'web-1', name: 'Web', kind: 'server' });
	await createComponent(staff, alteo.slug, { key: 'db-1', name: 'Base', kind: 'database' });
	return { staff, soft, alteo };
}

const body = (targets: { client: string; components: string[] }[], extra = {}) => ({
	targets,
	kind: 'planned',
	// Tue 1 Dec 2026, 22:00–00:00 on each client's wall clock.
	start: '2026-12-01T22:00',
	end: '2026-12-02T00:00',
	title: 'Migration du stockage',
	titleEn: 'Storage migration',
	description: 'Bascule vers la nouvelle baie.',
	descriptionEn: 'Switch to the new array.',
	publish: true,
	...extra
});

async function fieldsOf(run: () => Promise<unknown>): Promise<Record<string, string>> {
	try {
		await run();
	} catch (e) {
		if (e instanceof ServiceError && e.status === 422)
			return (e.details as { fields: Record<string, string> }).fields;
		throw e;
	}
	throw new Error('expected a 422');
}

const rowsOf = (clientIds: string[]) =>
	getDb().select().from(maintenance).where(inArray(maintenance.clientId, clientIds));

describe('one window announced to several clients', () => {
	it('previews each client against its own contract and writes nothing', async () => {
		const { staff, soft, alteo } = await twoClients();
		const preview = await previewMaintenanceMany(
			staff,
			body([
				{ client: soft.slug, components: ['web-1'] },
				{ client: alteo.slug, components: ['db-1'] }
			]),
			NOW
		);
		const bySlug = Object.fromEntries(preview.map((p) => [p.client, p]));
		// 000 §1.4: over 1 h needs the client's agreement; excluded only once given.
		expect(bySlug[soft.slug]).toMatchObject({
			needsApproval: true,
			compliant: false,
			reasons: ['approval_missing'],
			sla: 'excluded_once_approved',
			start: '2026-12-01T21:00:00.000Z'
		});
		// 001 §4.1.3: after 16:00 on a weekday is advised against, a warning only.
		expect(bySlug[alteo.slug].warnings).toContain('late_weekday');
		expect(await rowsOf([soft.id, alteo.id])).toHaveLength(0);
	});

	it('publishes for every client in one transaction, with audit rows and events', async () => {
		const { staff, soft, alteo } = await twoClients();
		const created = await publishMaintenanceMany(
			staff,
			body([
				{ client: soft.slug, components: ['web-1'] },
				{ client: alteo.slug, components: ['db-1'] }
			]),
			NOW
		);
		expect(created).toHaveLength(2);
		const rows = await rowsOf([soft.id, alteo.id]);
		expect(rows.map((r) => r.state)).toEqual(['published', 'published']);
		expect(rows.every((r) => r.titleEn === 'Storage migration')).toBe(true);
		expect(new Set(rows.map((r) => r.announcedAt?.getTime()))).toEqual(new Set([NOW.getTime()]));
		const audits = await getDb()
			.select()
			.from(auditLog)
			.where(
				inArray(
					auditLog.targetId,
					rows.map((r) => r.id)
				)
			);
		expect(audits.map((a) => a.action)).toEqual(['maintenance.created', 'maintenance.created']);
		const events = await getDb()
			.select()
			.from(event)
			.where(inArray(event.clientId, [soft.id, alteo.id]));
		expect(events.filter((e) => e.kind === 'maintenance.created')).toHaveLength(2);
	});

	it.each([
		['end before start', { end: '2026-12-01T21:00' }, 'end'],
		['longer than 7 days', { end: '2026-12-09T23:00' }, 'end'],
		['more than 2 years ahead', { start: '2029-12-01T22:00', end: '2029-12-01T23:00' }, 'start'],
		['an unknown kind', { kind: 'emergency' }, 'kind'],
		['a time that is not a wall-clock time', { start: '2026-12-01T22:00Z' }, 'start']
	])('refuses %s with a 422 naming the field; nothing stored', async (_what, extra, field) => {
		const { staff, soft, alteo } = await twoClients();
		const fields = await fieldsOf(() =>
			publishMaintenanceMany(
				staff,
				body(
					[
						{ client: soft.slug, components: ['web-1'] },
						{ client: alteo.slug, components: ['db-1'] }
					],
					extra
				),
				NOW
			)
		);
		expect(Object.keys(fields)).toContain(field);
		expect(await rowsOf([soft.id, alteo.id])).toHaveLength(0);
	});

	it('refuses components of another client, naming that target, and stores no other client’s window', async () => {
		const { staff, soft, alteo } = await twoClients();
		const fields = await fieldsOf(() =>
			publishMaintenanceMany(
				staff,
				body([
					{ client: soft.slug, components: ['web-1'] },
					{ client: alteo.slug, components: ['web-1'] }
				]),
				NOW
			)
		);
		expect(Object.keys(fields)).toEqual([`components.${alteo.slug}`]);
		expect(await rowsOf([soft.id, alteo.id])).toHaveLength(0);
		expect(
			Object.keys(await fieldsOf(() => publishMaintenanceMany(staff, body([]), NOW)))
		).toContain('targets');
	});

	it('a member may not publish; a draft is staff’s alone; another tenant’s window is a 404', async () => {
		const { staff, soft, alteo } = await twoClients();
		const member = await createMember(soft.id, soft.slug, 'admin');
		expect(
			await statusOf(() =>
				publishMaintenanceMany(member, body([{ client: soft.slug, components: ['web-1'] }]), NOW)
			)
		).toBe(403);
		const [draft] = await publishMaintenanceMany(
			staff,
			body([{ client: soft.slug, components: ['web-1'] }], { publish: false }),
			NOW
		);
		const [other] = await publishMaintenanceMany(
			staff,
			body([{ client: alteo.slug, components: ['db-1'] }]),
			NOW
		);
		const calendar = await maintenanceCalendar(member, soft.slug, { month: '2026-12' }, 'fr', NOW);
		expect(calendar.monthWindows.map((w) => w.id)).not.toContain(draft.id);
		expect(await statusOf(() => maintenanceDetail(member, soft.slug, draft.id, 'fr', NOW))).toBe(
			404
		);
		expect(await statusOf(() => maintenanceDetail(member, soft.slug, other.id, 'fr', NOW))).toBe(
			404
		);
		const console_ = await listStaffMaintenance(
			staff,
			{ filter: 'drafts', client: soft.slug },
			NOW
		);
		expect(console_.items.map((i) => i.id)).toEqual([draft.id]);
		expect(console_.counts.drafts).toBe(1);
		const [row] = await getDb().select().from(maintenance).where(eq(maintenance.id, draft.id));
		expect(row.announcedAt).toBeNull();
	});

	it('shows the window in the client’s calendar on its local dates, in English for English readers', async () => {
		const { staff, soft } = await twoClients();
		const member = await createMember(soft.id, soft.slug, 'viewer');
		const [w] = await publishMaintenanceMany(
			staff,
			body([{ client: soft.slug, components: ['web-1'] }], {
				start: '2026-12-01T23:00',
				end: '2026-12-02T01:00'
			}),
			NOW
		);
		const calendar = await maintenanceCalendar(member, soft.slug, { month: '2026-12' }, 'en', NOW);
		const found = calendar.monthWindows.find((x) => x.id === w.id)!;
		expect(found.dates).toEqual(['2026-12-01', '2026-12-02']);
		expect(found.title).toBe('Storage migration');
		expect(found.components).toEqual([{ key: 'web-1', name: 'Web' }]);
		expect(calendar.list.items.map((i) => i.id)).toContain(w.id);
	});
});
