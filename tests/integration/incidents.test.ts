import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent } from '../../src/lib/server/components/service';
import { getDb } from '../../src/lib/server/db';
import { downtimeQualification, incident, outboxMail } from '../../src/lib/server/db/schema';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { getPreferences, updatePreferences } from '../../src/lib/server/people/preferences';
import { getIncident, listAllIncidents, listIncidents } from '../../src/lib/server/incidents/read';
import {
	acknowledgeIncident,
	changeIncidentSeverity,
	confirmResolution,
	postIncidentUpdate,
	qualifyIncident,
	reopenIncident,
	resolveIncident
} from '../../src/lib/server/incidents/workflow';
import { createMember, createStaff, createTenant, statusOf } from './factories';

async function tenant(preset = 'softconcept') {
	const staff = await createStaff();
	const t = await createTenant(staff, preset);
	await createComponent(staff, t.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
	const contact = await createMember(t.id, t.slug, 'contact');
	const viewer = await createMember(t.id, t.slug, 'viewer');
	return { staff, t, contact, viewer };
}

const report = {
	severity: 'critical',
	components: ['web-1'],
	title: 'Site injoignable',
	description: 'Le site ne répond plus.\nDepuis 10 h.'
};

describe('filing a signalement (000 §1.6 personnes habilitées, 000 §2 deadlines)', () => {
	it('gives an authorized contact a yearly number and the contract deadlines, and tells staff', async () => {
		const { t, contact } = await tenant('alteo');
		const at = new Date('2026-11-16T10:00:00+01:00');
		const filed = await fileIncident(contact, t.slug, report, at);
		expect(filed.number).toMatch(/^INC-2026-\d{5}$/);
		expect(filed.acknowledgeBy).toEqual(new Date('2026-11-16T11:00:00+01:00'));
		expect(filed.resolveBy).toEqual(new Date('2026-11-16T14:00:00+01:00'));
		const mails = await getDb()
			.select()
			.from(outboxMail)
			.where(eq(outboxMail.subject, `[${filed.number}] Nouveau signalement : Site injoignable`));
		expect(mails.length).toBeGreaterThan(0);
	});

	it('refuses viewers, unknown components and a short title, storing nothing', async () => {
		const { t, viewer, contact } = await tenant();
		expect(await statusOf(() => fileIncident(viewer, t.slug, report))).toBe(403);
		expect(
			await statusOf(() => fileIncident(contact, t.slug, { ...report, components: ['nope'] }))
		).toBe(422);
		expect(await statusOf(() => fileIncident(contact, t.slug, { ...report, title: 'x' }))).toBe(
			422
		);
		expect(await getDb().select().from(incident).where(eq(incident.clientId, t.id))).toHaveLength(
			0
		);
	});

	it('numbers 50 parallel filings without a gap or a duplicate', async () => {
		const { t, contact } = await tenant();
		const filed = await Promise.all(
			Array.from({ length: 50 }, (_, i) =>
				fileIncident(contact, t.slug, { ...report, title: `Panne ${i}` })
			)
		);
		const sequences = filed.map((f) => f.sequence).sort((a, b) => a - b);
		expect(new Set(sequences).size).toBe(50);
		expect(sequences.at(-1)! - sequences[0]).toBe(49);
	});

	it("answers 404 for another client's report, as for a missing one", async () => {
		const mine = await tenant();
		const theirs = await tenant();
		const filed = await fileIncident(theirs.contact, theirs.t.slug, report);
		expect(await statusOf(() => getIncident(mine.contact, theirs.t.slug, filed.number))).toBe(404);
		expect(await statusOf(() => getIncident(mine.contact, mine.t.slug, filed.number))).toBe(404);
		expect(await statusOf(() => listIncidents(mine.viewer, theirs.t.slug, {}))).toBe(404);
		expect(await statusOf(() => listAllIncidents(mine.contact, {}))).toBe(404);
	});
});

describe('the staff workflow (000 §2 "prise en compte", 001 §5.4 qualification)', () => {
	it('acknowledges, posts updates and notes, resolves; the client confirms', async () => {
		const { staff, t, contact, viewer } = await tenant();
		const { number } = await fileIncident(contact, t.slug, report);
		await acknowledgeIncident(staff, t.slug, number, {
			nature: 'Panne disque',
			estimatedResolution: '2 heures'
		});
		expect(
			await statusOf(() =>
				acknowledgeIncident(staff, t.slug, number, { nature: 'x', estimatedResolution: 'y' })
			)
		).toBe(409);
		await postIncidentUpdate(staff, t.slug, number, { message: 'Disque remplacé.' });
		await postIncidentUpdate(staff, t.slug, number, {
			message: 'Fournisseur en retard',
			internal: true
		});
		expect(
			await statusOf(() =>
				acknowledgeIncident(contact, t.slug, number, { nature: 'x', estimatedResolution: 'y' })
			)
		).toBe(403);
		await resolveIncident(staff, t.slug, number, { summary: 'Remis en service.' });
		const seenByClient = await getIncident(viewer, t.slug, number);
		expect(seenByClient.status).toBe('resolved');
		expect(seenByClient.updates.map((u) => u.kind)).toEqual([
			'filed',
			'acknowledged',
			'update',
			'resolved'
		]);
		expect((await getIncident(staff, t.slug, number)).updates.map((u) => u.kind)).toContain('note');
		expect(await statusOf(() => confirmResolution(viewer, t.slug, number))).toBe(403);
		await confirmResolution(contact, t.slug, number);
		expect((await getIncident(contact, t.slug, number)).status).toBe('closed');
	});

	it('lets the client reopen a resolved report, and recomputes deadlines on a severity change', async () => {
		const { staff, t, contact } = await tenant();
		const filed = await fileIncident(contact, t.slug, { ...report, severity: 'minor' });
		expect(
			await statusOf(() =>
				changeIncidentSeverity(staff, t.slug, filed.number, { severity: 'critical', reason: '' })
			)
		).toBe(422);
		const changed = await changeIncidentSeverity(staff, t.slug, filed.number, {
			severity: 'critical',
			reason: 'Production arrêtée'
		});
		expect(changed.resolveBy.getTime()).toBeLessThan(filed.resolveBy.getTime());
		await resolveIncident(staff, t.slug, filed.number, { summary: 'OK' });
		await reopenIncident(contact, t.slug, filed.number, { reason: 'Toujours en panne' });
		expect((await getIncident(contact, t.slug, filed.number)).status).toBe('acknowledged');
	});

	it('turns a confirmed client-caused incident into an SLA qualification of its components over its period', async () => {
		const { staff, t, contact } = await tenant();
		const { number } = await fileIncident(contact, t.slug, report);
		await qualifyIncident(staff, t.slug, number, {
			qualification: 'confirmed',
			cause: 'client',
			note: 'Mauvaise manipulation'
		});
		await resolveIncident(staff, t.slug, number, { summary: 'OK' });
		const rows = await getDb()
			.select()
			.from(downtimeQualification)
			.where(eq(downtimeQualification.clientId, t.id));
		expect(rows).toHaveLength(1);
		expect(rows[0]).toMatchObject({ cause: 'client', note: number });
	});

	it('orders the staff queue by the nearest pending deadline', async () => {
		const { staff, t, contact } = await tenant();
		const minor = await fileIncident(contact, t.slug, {
			...report,
			severity: 'minor',
			title: 'Lenteur'
		});
		const critical = await fileIncident(contact, t.slug, report);
		const queue = await listAllIncidents(staff, { status: 'open', client: t.slug });
		const order = queue.items.map((i) => i.number);
		expect(order.indexOf(critical.number)).toBeLessThan(order.indexOf(minor.number));
	});
});

describe('muting incident e-mails', () => {
	it('silences minor reports but never critical ones', async () => {
		const { t, contact } = await tenant();
		const muted = await createMember(t.id, t.slug, 'admin');
		await updatePreferences(muted, { muteIncidentMail: true });
		expect((await getPreferences(muted)).muteIncidentMail).toBe(true);
		const mailsTo = async () =>
			(await getDb().select().from(outboxMail).where(eq(outboxMail.to, muted.email))).length;
		await fileIncident(contact, t.slug, { ...report, severity: 'minor', title: 'Lenteur' });
		expect(await mailsTo()).toBe(0);
		await fileIncident(contact, t.slug, report);
		expect(await mailsTo()).toBe(1);
	});
});
