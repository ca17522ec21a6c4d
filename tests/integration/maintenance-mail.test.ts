import { and, asc, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import { actorUserId } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { event, mailSubscription, outboxMail, user } from '../../src/lib/server/db/schema';
import { runMaintenanceBoundaries } from '../../src/lib/server/maintenance/jobs';
import { cancelMaintenance, createMaintenance } from '../../src/lib/server/maintenance/service';
import { ServiceError } from '../../src/lib/server/errors';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { listMaintenance } from '../../src/lib/server/maintenance/read';
import { extendMaintenance } from '../../src/lib/server/maintenance/extend';
import { getSlaReport } from '../../src/lib/server/sla/service';
import { statusInterval } from '../../src/lib/server/db/schema';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const H = 3_600_000;
const NOW = new Date('2026-12-07T09:00:00+01:00');
const START = new Date(NOW.getTime() + 10 * 24 * H);

async function setup() {
	const staff = await createStaff();
	const t = await createTenant(staff, 'alteo');
	const web = await createComponent(staff, t.slug, { key: 'web-1', name: 'Web', kind: 'server' });
	await createComponent(staff, t.slug, { key: 'db-1', name: 'DB', kind: 'database' });
	const [fr, en, picky] = await Promise.all([
		createMember(t.id, t.slug, 'contact'),
		createMember(t.id, t.slug, 'viewer'),
		createMember(t.id, t.slug, 'admin')
	]);
	await getDb()
		.update(user)
		.set({ locale: 'en' })
		.where(eq(user.id, actorUserId(en)!));
	return { staff, t, web, fr, en, picky };
}

// In the order they were queued: without an order, a row the mail job updated can come back last.
const mailsTo = (emails: string[]) =>
	getDb()
		.select()
		.from(outboxMail)
		.where(inArray(outboxMail.to, emails))
		.orderBy(asc(outboxMail.id));

describe('maintenance mails (issue 11)', () => {
	it('publication mails every member in their language; subscriptions are honoured', async () => {
		const { staff, t, web, fr, en, picky } = await setup();
		const db = getDb();
		// picky chose db-1 only: a window on web-1 is not theirs.
		const [dbComponent] = await db.execute<{ id: string }>(
			`select id from component where client_id = '${t.id}' and key = 'db-1'`
		);
		await db
			.insert(mailSubscription)
			.values({ userId: actorUserId(picky)!, clientId: t.id, componentIds: [dbComponent.id] });
		const created = await createMaintenance(
			staff,
			t.slug,
			{
				components: ['web-1'],
				start: START.toISOString(),
				end: new Date(START.getTime() + H).toISOString(),
				title: 'Remplacement du disque',
				kind: 'network'
			},
			NOW
		);
		const mails = await mailsTo([fr.email, en.email, picky.email]);
		expect(mails.map((m) => m.to).sort()).toEqual([fr.email, en.email].sort());
		expect(mails.find((m) => m.to === fr.email)!.subject).toBe(
			'Maintenance planifiée : Remplacement du disque'
		);
		expect(mails.find((m) => m.to === en.email)!.subject).toBe(
			'Planned maintenance: Remplacement du disque'
		);
		expect(mails.find((m) => m.to === en.email)!.text).toContain('Start:');
		expect(web.id).toBeTruthy();

		await cancelMaintenance(staff, t.slug, created.id, { reason: 'Disque livré en retard' }, NOW);
		const cancelled = (await mailsTo([en.email])).filter((m) =>
			m.subject.startsWith('Maintenance cancelled')
		);
		expect(cancelled).toHaveLength(1);
		expect(cancelled[0].text).toContain('Disque livré en retard');
	});

	it('the job sends the reminder, start and end once each, with live events, and skips stale ones', async () => {
		const { staff, t, fr } = await setup();
		const { id } = await createMaintenance(
			staff,
			t.slug,
			{
				components: ['web-1'],
				start: START.toISOString(),
				end: new Date(START.getTime() + H).toISOString(),
				title: 'Mise à jour noyau',
				kind: 'network'
			},
			NOW
		);
		const subjects = async () => (await mailsTo([fr.email])).map((m) => m.subject);
		const at = (hours: number) => new Date(START.getTime() + hours * H);
		await runMaintenanceBoundaries(at(-25));
		expect(await subjects()).toHaveLength(1);
		await runMaintenanceBoundaries(at(-23));
		await runMaintenanceBoundaries(at(-22));
		await runMaintenanceBoundaries(at(0.1));
		await runMaintenanceBoundaries(at(0.2));
		await runMaintenanceBoundaries(at(1.1));
		await runMaintenanceBoundaries(at(2));
		expect(await subjects()).toEqual([
			'Maintenance planifiée : Mise à jour noyau',
			'Rappel : maintenance dans les 24 h : Mise à jour noyau',
			'Maintenance commencée : Mise à jour noyau',
			'Maintenance terminée : Mise à jour noyau'
		]);
		// In the order they were appended: unordered, the end can come back before the start.
		const kinds = await getDb()
			.select({ kind: event.kind, payload: event.payload })
			.from(event)
			.where(
				and(
					eq(event.clientId, t.id),
					inArray(event.kind, ['maintenance.started', 'maintenance.ended'])
				)
			)
			.orderBy(asc(event.id));
		expect(kinds.map((k) => k.kind)).toEqual(['maintenance.started', 'maintenance.ended']);
		expect(kinds[0].payload).toEqual({ clientSlug: t.slug, id });

		// A window wholly missed while the portal was down: marked, nothing sent.
		const missed = await createMaintenance(
			staff,
			t.slug,
			{
				components: ['web-1'],
				start: at(48).toISOString(),
				end: at(49).toISOString(),
				title: 'Fenêtre manquée',
				kind: 'network'
			},
			NOW
		);
		await runMaintenanceBoundaries(at(60));
		await runMaintenanceBoundaries(at(61));
		expect((await subjects()).filter((s) => s.includes('Fenêtre manquée'))).toHaveLength(1);
		expect(missed.id).toBeTruthy();
	});

	it('a recurring window is one window per occurrence; a bad rrule is a 422 naming rrule', async () => {
		const { staff, t } = await setup();
		// First Tuesday of February 2027, 22:00 Paris.
		const start = new Date('2027-02-02T21:00:00Z');
		const body = (rrule: string) => ({
			components: ['web-1'],
			start: start.toISOString(),
			end: new Date(start.getTime() + H).toISOString(),
			title: 'Mises à jour mensuelles',
			kind: 'network',
			rrule,
			exdates: ['2027-04-06']
		});
		const created = await createMaintenance(
			staff,
			t.slug,
			body('FREQ=MONTHLY;BYDAY=1TU;COUNT=4'),
			NOW
		);
		expect(created.id).toBe(created.occurrences![0].id);
		expect(created.occurrences!.map((o) => o.start)).toEqual([
			'2027-02-02T21:00:00.000Z',
			'2027-03-02T21:00:00.000Z',
			'2027-05-04T20:00:00.000Z'
		]);
		const first = await listMaintenance(staff, t.slug, { limit: '2' }, NOW);
		expect(first.items).toHaveLength(2);
		const second = await listMaintenance(staff, t.slug, { limit: '2', cursor: first.next }, NOW);
		expect(second.items.map((i) => i.start)).toEqual(['2027-05-04T20:00:00.000Z']);
		expect(second.next).toBeUndefined();
		expect(await statusOf(() => listMaintenance(staff, t.slug, { limit: '1001' }, NOW))).toBe(422);
		for (const rrule of ['FREQ=SOMETIMES', 'FREQ=MONTHLY;BYDAY=2TU']) {
			const error = await createMaintenance(staff, t.slug, body(rrule), NOW).catch((e) => e);
			expect(error).toBeInstanceOf(ServiceError);
			expect((error as ServiceError).status).toBe(422);
			expect(JSON.stringify(error)).toContain('rrule');
		}
	});

	it('incident mails honour the subscriptions too, except critical reports (000 §2)', async () => {
		const { t, fr, picky } = await setup();
		const db = getDb();
		await db
			.insert(mailSubscription)
			.values({ userId: actorUserId(picky)!, clientId: t.id, componentIds: [] });
		const report = {
			components: ['web-1'],
			title: 'Lenteurs du site',
			description: 'Pages lentes depuis ce matin'
		};
		await fileIncident(fr, t.slug, { ...report, severity: 'minor' });
		expect(await mailsTo([picky.email])).toHaveLength(0);
		await fileIncident(fr, t.slug, { ...report, severity: 'critical' });
		expect(await mailsTo([picky.email])).toHaveLength(1);
	});

	it('an extension: the overrun is counted in the SLA (its notice runs from the extension)', async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'softconcept');
		const web = await createComponent(staff, t.slug, { key: 'web-1', name: 'Web', kind: 'server' });
		const paris = (local: string) => new Date(`${local}:00+01:00`);
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
		const { id } = await createMaintenance(
			staff,
			t.slug,
			{
				components: ['web-1'],
				start: paris('2026-11-24T22:00').toISOString(),
				end: paris('2026-11-24T23:00').toISOString(),
				title: 'Migration'
			},
			paris('2026-11-16T09:00')
		);
		const downtime = async () =>
			(await getSlaReport(staff, t.slug, '2026-11', {}, paris('2026-11-26T10:00'))).report;
		expect((await downtime()).downtimeMinutes).toBe(60);
		expect(
			await statusOf(() =>
				extendMaintenance(
					staff,
					t.slug,
					id,
					{ end: paris('2026-11-25T00:00').toISOString() },
					paris('2026-11-24T21:00')
				)
			)
		).toBe(409);
		const extended = await extendMaintenance(
			staff,
			t.slug,
			id,
			{ end: paris('2026-11-25T00:00').toISOString() },
			paris('2026-11-24T22:30')
		);
		expect(extended.end).toBe(paris('2026-11-25T00:00').toISOString());
		const report = await downtime();
		expect(report.downtimeMinutes).toBe(60);
		expect(JSON.stringify(report)).toContain(`${id}:overrun`);
	});
});
