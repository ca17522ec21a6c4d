import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createComponent, updateComponent } from '../../src/lib/server/components/service';
import type { RequestContext } from '../../src/lib/server/context';
import { getDb } from '../../src/lib/server/db';
import { client, slaPeriod, statusInterval } from '../../src/lib/server/db/schema';
import { fileIncident } from '../../src/lib/server/incidents/filing';
import { resolveIncident } from '../../src/lib/server/incidents/workflow';
import {
	decideCredit,
	listCreditRequests,
	requestCredit
} from '../../src/lib/server/sla/credit-requests';
import { createMaintenance } from '../../src/lib/server/maintenance/service';
import { createQualification } from '../../src/lib/server/sla/records';
import { slaApiView } from '../../src/lib/server/sla/api-views';
import {
	getSlaHistory,
	getSlaReport,
	reopenSlaPeriod,
	slaFirstMonth
} from '../../src/lib/server/sla/service';
import { createMember, createStaff, createTenant, statusOf } from './factories';

const NOW = new Date('2026-11-22T10:00:00+01:00');
const paris = (local: string, summer = true) =>
	new Date(`${local}:00${summer ? '+02:00' : '+01:00'}`);
const admin: RequestContext = {
	actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'admin' },
	ip: null
};

/** An axantis client (99.85 %, Mon–Fri 08:00–18:00 without French holidays, tiers) with a 3 h outage on Tue 6 Oct 2026. */
async function axantisWithOutage() {
	const staff = await createStaff();
	const t = await createTenant(staff, 'axantis');
	const web = await createComponent(staff, t.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
	await getDb()
		.insert(statusInterval)
		.values([
			{
				componentId: web.id,
				status: 'up',
				fromAt: paris('2026-09-01T00:00'),
				toAt: paris('2026-10-06T09:00')
			},
			{
				componentId: web.id,
				status: 'down',
				fromAt: paris('2026-10-06T09:00'),
				toAt: paris('2026-10-06T12:00')
			},
			{ componentId: web.id, status: 'up', fromAt: paris('2026-10-06T12:00'), toAt: null }
		]);
	const contact = await createMember(t.id, t.slug, 'contact');
	const viewer = await createMember(t.id, t.slug, 'viewer');
	return { staff, t, web, contact, viewer };
}

describe('the SLA report (004 art. 6)', () => {
	it('counts a business-hours outage against the coverage, with the tier credit', async () => {
		const { t, viewer } = await axantisWithOutage();
		const r = slaApiView(await getSlaReport(viewer, t.slug, '2026-10', {}, NOW));
		// October 2026: 22 weekdays × 600 min = 13,200 coverage minutes; 180 down → 98.636 %.
		expect(r).toMatchObject({
			month: '2026-10',
			preset: 'axantis',
			target: 99.85,
			coverageMinutes: 13200,
			downtimeMinutes: 180,
			met: false
		});
		expect(r.availability).toBe(98.636);
		expect(r.credit.percent).toBe(10);
		expect(r.credit.amountCents).toBe(10_000);
		expect(r.frozen).toBe(true);
	});

	it('freezes a closed month: later qualifications move it only when staff reopen it (audited)', async () => {
		const { staff, t, viewer } = await axantisWithOutage();
		await getSlaReport(viewer, t.slug, '2026-10', {}, NOW);
		await createQualification(staff, t.slug, {
			component: 'web-1',
			start: paris('2026-10-06T09:00').toISOString(),
			end: paris('2026-10-06T12:00').toISOString(),
			cause: 'client',
			note: 'Erreur de manipulation'
		});
		expect((await getSlaReport(viewer, t.slug, '2026-10', {}, NOW)).report.downtimeMinutes).toBe(
			180
		);
		const preview = await getSlaReport(admin, t.slug, '2026-10', { recompute: true }, NOW);
		expect(preview.report.downtimeMinutes).toBe(0);
		expect(preview.frozen).toBe(false);
		expect(
			await statusOf(() => getSlaReport(viewer, t.slug, '2026-10', { recompute: true }, NOW))
		).toBe(403);
		expect(
			await statusOf(() => reopenSlaPeriod(staff, t.slug, '2026-10', { reason: '' }, NOW))
		).toBe(422);
		await reopenSlaPeriod(
			staff,
			t.slug,
			'2026-10',
			{ reason: 'Cause client établie après clôture' },
			NOW
		);
		const after = await getSlaReport(viewer, t.slug, '2026-10', {}, NOW);
		expect(after.report.met).toBe(true);
		expect(after.reopened?.reason).toBe('Cause client établie après clôture');
		const [row] = await getDb().select().from(slaPeriod).where(eq(slaPeriod.clientId, t.id));
		expect(row.reopened).toBe(true);
	});

	it('computes the current month live without freezing it, and refuses a future or malformed month', async () => {
		const { t, viewer } = await axantisWithOutage();
		const live = await getSlaReport(viewer, t.slug, null, {}, NOW);
		expect(live.month).toBe('2026-11');
		expect(live.frozen).toBe(false);
		expect(live.report.period.complete).toBe(false);
		expect(live.status).toBe('running');
		// A monthly contract has one period: no separate month figures.
		expect(live.monthly).toBeNull();
		expect((await getSlaReport(viewer, t.slug, '2026-10', {}, NOW)).status).toBe('frozen');
		expect(await statusOf(() => getSlaReport(viewer, t.slug, '2026-12', {}, NOW))).toBe(422);
		expect(await statusOf(() => getSlaReport(viewer, t.slug, '2026-13', {}, NOW))).toBe(422);
		const history = await getSlaHistory(viewer, t.slug, '2026-11', NOW);
		expect(history).toHaveLength(12);
		expect(history.find((p) => p.month === '2026-10')?.met).toBe(false);
		// Before monitoring began there is nothing to judge: no figure, nothing frozen.
		expect(history.find((p) => p.month === '2026-07')).toMatchObject({
			availability: null,
			met: null,
			frozen: false
		});
		expect((await getSlaReport(viewer, t.slug, '2026-07', {}, NOW)).noData).toBe(true);
	});

	it('leaves out of the client-level figure a component staff took out of the SLA scope', async () => {
		const { staff, t } = await axantisWithOutage();
		await updateComponent(staff, t.slug, 'web-1', { slaScope: false });
		const r = await getSlaReport(staff, t.slug, '2026-10', { recompute: true }, NOW);
		expect(r.report.downtimeMinutes).toBe(0);
		expect(r.report.components.find((c) => c.key === 'web-1')).toMatchObject({
			inScope: false,
			downtimeMinutes: 180
		});
	});

	it("answers 404 for another client's report", async () => {
		const mine = await axantisWithOutage();
		const theirs = await axantisWithOutage();
		expect(await statusOf(() => getSlaReport(mine.viewer, theirs.t.slug, '2026-10', {}, NOW))).toBe(
			404
		);
		const ingest: RequestContext = {
			actor: { kind: 'token', tokenId: crypto.randomUUID(), scope: 'ingest' },
			ip: null
		};
		expect(await statusOf(() => getSlaReport(ingest, mine.t.slug, '2026-10', {}, NOW))).toBe(403);
	});
});

describe('planned maintenance (000 §1.4 notice) and credits on request (001 §5.1)', () => {
	it('says whether maintenance was announced within the notice', async () => {
		const { staff, t } = await axantisWithOutage();
		const start = new Date(Date.now() + 3600_000);
		const end = new Date(start.getTime() + 1800_000);
		const late = await createMaintenance(staff, t.slug, {
			components: ['web-1'],
			start: start.toISOString(),
			end: end.toISOString(),
			title: 'Mise à jour noyau'
		});
		expect(late).toMatchObject({ compliant: false, reason: 'notice_too_short' });
		const early = await createMaintenance(staff, t.slug, {
			components: ['web-1'],
			start: new Date(Date.now() + 20 * 86_400_000).toISOString(),
			end: new Date(Date.now() + 20 * 86_400_000 + 1800_000).toISOString(),
			title: 'Mise à jour noyau'
		});
		expect(early.compliant).toBe(true);
		expect(
			await statusOf(() =>
				createMaintenance(staff, t.slug, {
					components: ['web-1'],
					start: end.toISOString(),
					end: start.toISOString(),
					title: 'Inversée'
				})
			)
		).toBe(422);
		expect(
			await statusOf(() =>
				createMaintenance(staff, t.slug, {
					components: ['web-1'],
					start: start.toISOString(),
					end: end.toISOString(),
					title: 'Future',
					announcedAt: end.toISOString()
				})
			)
		).toBe(422);
	});

	it('lets a contact request the avoir of a missed month once; staff approve it', async () => {
		const { staff, t, contact, viewer } = await axantisWithOutage();
		expect(await statusOf(() => requestCredit(viewer, t.slug, '2026-10', NOW))).toBe(403);
		const requested = await requestCredit(contact, t.slug, '2026-10', NOW);
		expect(requested).toMatchObject({
			amountCents: 10_000,
			percentBasisPoints: 1000,
			status: 'requested'
		});
		expect(await statusOf(() => requestCredit(contact, t.slug, '2026-10', NOW))).toBe(409);
		expect(await statusOf(() => requestCredit(contact, t.slug, '2026-09', NOW))).toBe(409);
		await decideCredit(staff, t.slug, requested.id, { decision: 'approved' });
		expect((await listCreditRequests(viewer, t.slug))[0].status).toBe('approved');
	});
});

describe('restoration-time penalties in the monthly report (001 §5.2)', () => {
	it("adds a late restoration's penalty to the month it was restored in", async () => {
		const staff = await createStaff();
		const t = await createTenant(staff, 'alteo');
		await createComponent(staff, t.slug, { key: 'web-1', name: 'Web 1', kind: 'server' });
		const filed = await fileIncident(
			staff,
			t.slug,
			{
				severity: 'critical',
				components: ['web-1'],
				title: 'Panne reçue par téléphone',
				description: 'x',
				reportedAt: '2026-10-10T08:00:00Z'
			},
			NOW
		);
		await resolveIncident(staff, t.slug, filed.number, {
			summary: 'Rétabli',
			at: '2026-10-10T12:30:00Z'
		});
		const r = slaApiView(await getSlaReport(staff, t.slug, '2026-10', {}, NOW));
		expect(r.gtrPenalties).toMatchObject({
			percent: 20,
			amountCents: 20_000,
			incidents: [{ number: filed.number, percent: 20 }]
		});

		const contact = await createMember(t.id, t.slug, 'contact');
		expect(await statusOf(() => requestCredit(contact, t.slug, '2026-10', NOW, 'bonus'))).toBe(422);
		const asked = await requestCredit(contact, t.slug, '2026-10', NOW, 'gtr');
		expect(asked).toMatchObject({
			basis: 'gtr',
			period: '2026-10',
			amountCents: 20_000,
			percentBasisPoints: 2000
		});
		expect(await statusOf(() => requestCredit(contact, t.slug, '2026-10', NOW, 'gtr'))).toBe(409);
		// The contract year still runs: no availability credit yet, whatever the month's penalties.
		expect(await statusOf(() => requestCredit(contact, t.slug, '2026-10', NOW))).toBe(409);
	});
});

describe('a contract-year contract (001 §5.1): each month beside the contract year it belongs to', () => {
	/** alteo (99.9 %, 24/7, contract year) commissioned 1 March 2025, monitored from May 2026, 2 h down on 10 June 2026. */
	async function alteoWithJuneOutage() {
		const staff = await createStaff();
		const t = await createTenant(staff, 'alteo');
		await getDb()
			.update(client)
			.set({ commissionedAt: new Date('2025-03-01T00:00:00+01:00') })
			.where(eq(client.id, t.id));
		const web = await createComponent(staff, t.slug, {
			key: 'web-1',
			name: 'Web 1',
			kind: 'server'
		});
		await getDb()
			.insert(statusInterval)
			.values([
				{
					componentId: web.id,
					status: 'up',
					fromAt: paris('2026-05-01T00:00'),
					toAt: paris('2026-06-10T10:00')
				},
				{
					componentId: web.id,
					status: 'down',
					fromAt: paris('2026-06-10T10:00'),
					toAt: paris('2026-06-10T12:00')
				},
				{ componentId: web.id, status: 'up', fromAt: paris('2026-06-10T12:00'), toAt: null }
			]);
		return { staff, t, viewer: await createMember(t.id, t.slug, 'viewer') };
	}

	it("reports the month's own figures, closed, and the running contract year that the contract judges", async () => {
		const { t, viewer } = await alteoWithJuneOutage();
		const june = await getSlaReport(viewer, t.slug, '2026-06', {}, NOW);
		expect(june.monthly).toMatchObject({
			status: 'closed',
			noData: false,
			period: {
				kind: 'month',
				start: paris('2026-06-01T00:00').toISOString(),
				end: paris('2026-07-01T00:00').toISOString(),
				complete: true
			}
		});
		// 120 of June's 43,200 minutes: 99.722 %, below 99.9 % on its own…
		expect(june.monthly?.report).toMatchObject({
			coverageMinutes: 43_200,
			downtimeMinutes: 120,
			availability: 99.722
		});
		// …but the contract judges the contract year, still running.
		expect(june.report.period).toMatchObject({
			kind: 'contract_year',
			start: paris('2026-03-01T00:00', false).toISOString(),
			complete: false
		});
		expect(june.status).toBe('running');
		expect(june.report.met).toBe(true);
		const october = await getSlaReport(viewer, t.slug, '2026-10', {}, NOW);
		expect(october.monthly?.report).toMatchObject({
			coverageMinutes: 44_700,
			downtimeMinutes: 0,
			availability: 100
		});
		expect(october.report.availability).toBe(june.report.availability);

		const api = slaApiView(june);
		expect(api.monthFigures).toMatchObject({
			status: 'closed',
			availability: 99.722,
			downtimeMinutes: 120,
			period: { kind: 'month' }
		});
		expect(api).toMatchObject({
			status: 'running',
			beforeCommissioning: false,
			period: { kind: 'contract_year' }
		});
	});

	it('charts each month on its own and the contract year to the end of each month', async () => {
		const { t, viewer } = await alteoWithJuneOutage();
		const history = await getSlaHistory(viewer, t.slug, '2026-11', NOW);
		const at = (month: string) => history.find((p) => p.month === month)!;
		expect(at('2026-06')).toMatchObject({ availability: 99.722, met: null });
		expect(at('2026-07')).toMatchObject({ availability: 100, met: null });
		expect(at('2026-05').contractAvailability).toBe(100);
		expect(at('2026-06').contractAvailability).toBeLessThan(100);
		expect(at('2026-07').contractAvailability!).toBeGreaterThan(
			at('2026-06').contractAvailability!
		);
		// Before monitoring began (and in the previous contract year): nothing.
		expect(at('2026-04')).toMatchObject({ availability: null, contractAvailability: null });
		expect(at('2026-02')).toMatchObject({ availability: null, contractAvailability: null });
	});

	it('says a month precedes the commissioning, and where the reports begin', async () => {
		const { t, viewer } = await alteoWithJuneOutage();
		expect((await getSlaReport(viewer, t.slug, '2025-02', {}, NOW)).beforeCommissioning).toBe(true);
		expect((await getSlaReport(viewer, t.slug, '2025-03', {}, NOW)).beforeCommissioning).toBe(
			false
		);
		expect(await slaFirstMonth(viewer, t.slug, NOW)).toBe('2026-05');
	});
});
