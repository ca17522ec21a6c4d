import postgres from 'postgres';
import { and, eq, gt } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contractOf } from '../../src/lib/server/clients/scope';
import type { RequestContext } from '../../src/lib/server/context';
import { closeDb, getDb } from '../../src/lib/server/db';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { client, maintenance, user } from '../../src/lib/server/db/schema';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { monthBefore } from '../../src/lib/server/demo/story-time';
import { registerRows } from '../../src/lib/server/incidents/read';
import { listOutbox } from '../../src/lib/server/mail/outbox';
import { assessWindow } from '../../src/lib/server/maintenance/lifecycle';
import { windowRecord } from '../../src/lib/server/maintenance/records';
import { listCreditRequests } from '../../src/lib/server/sla/credit-requests';
import { currentMonth, getSlaReport } from '../../src/lib/server/sla/service';
import { INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../src/lib/server/db/schema';

const STORY_CLIENTS = ['acme', 'globex', 'initech'];
const SEEDED_AT = new Date();
const ZONE = 'Europe/Paris';
const month = (k: number) => monthBefore(currentMonth(ZONE, SEEDED_AT), k);
let staff: RequestContext;

/** The seed runs only on an empty database: this file takes one of its own. */
beforeAll(async () => {
	const name = `demo_story_${process.pid}`;
	const admin = postgres(inject('databaseUrl'), { max: 1, onnotice: () => {} });
	await admin.unsafe(`create database ${name}`);
	await admin.end();
	const url = new URL(inject('databaseUrl'));
	url.pathname = `/${name}`;
	await runMigrations(url.href);
	process.env.DATABASE_URL = url.href;

	const started = performance.now();
	expect(await seedDemo(SEEDED_AT)).toBe(true);
	console.log(`[demo] seedDemo with its story took ${Math.round(performance.now() - started)} ms`);
	const [row] = await getDb().select().from(user).where(eq(user.email, 'staff@demo.test'));
	staff = {
		actor: { kind: 'staff', userId: row.id, email: row.email, name: row.name, role: 'admin' },
		ip: null
	};
}, 120_000);

afterAll(() => closeDb());

describe('the demo has a history', () => {
	it('seeds only once', async () => {
		expect(await seedDemo(SEEDED_AT)).toBe(false);
	});

	it('gives every demo client a register of reports in every state and severity', async () => {
		for (const slug of STORY_CLIENTS) {
			const rows = await registerRows(staff, slug, {});
			expect(rows.length, slug).toBeGreaterThanOrEqual(10);
			expect(new Set(rows.map((r) => r.status)), slug).toEqual(new Set(INCIDENT_STATUSES));
			expect(new Set(rows.map((r) => r.severity)), slug).toEqual(new Set(INCIDENT_SEVERITIES));
			const breached = rows.filter(
				(r) => r.acknowledgeState === 'breached' || r.resolveState === 'breached'
			);
			expect(breached.length, slug).toBeGreaterThanOrEqual(2);
			expect(rows.some((r) => r.qualification === 'confirmed' && r.cause === 'client')).toBe(true);
			expect(rows.some((r) => r.qualification === 'not_confirmed')).toBe(true);
			expect(rows.every((r) => Date.parse(r.reportedAt) <= SEEDED_AT.getTime())).toBe(true);
		}
	});

	it('owes GTR penalties where the contract has a GTR (alteo)', async () => {
		const sla = await getSlaReport(staff, 'acme', month(2), {}, SEEDED_AT);
		const gtr = sla.monthly!.report.gtr!;
		expect(gtr.percent).toBeGreaterThan(0);
		expect(gtr.amountCents).toBeGreaterThan(0);
		expect(gtr.incidents.length).toBeGreaterThanOrEqual(1);
	});

	it('records maintenance announced in time, announced late, and one to come', async () => {
		for (const slug of STORY_CLIENTS) {
			const reasons = new Set<string>();
			let excluded = 0;
			for (const k of [1, 2]) {
				const sla = await getSlaReport(staff, slug, month(k), {}, SEEDED_AT);
				const report = sla.monthly?.report ?? sla.report;
				excluded += report.exclusions.filter((e) => e.source === 'maintenance').length;
				for (const i of report.ignored) reasons.add(i.reason);
			}
			expect(excluded, slug).toBeGreaterThanOrEqual(1);
			expect(
				[...reasons].some((r) => r === 'notice_too_short' || r === 'network_notice_too_short'),
				slug
			).toBe(true);

			const [owner] = await getDb().select().from(client).where(eq(client.slug, slug));
			const upcoming = await getDb()
				.select()
				.from(maintenance)
				.where(and(eq(maintenance.clientId, owner.id), gt(maintenance.startAt, SEEDED_AT)));
			expect(upcoming.length, slug).toBeGreaterThanOrEqual(1);
			if (slug !== 'initech') continue;
			// 000 §1.4: longer than an hour needs the client's agreement, which has not come yet.
			const { settings } = await contractOf(getDb(), owner.id);
			const verdicts = upcoming.map((m) =>
				assessWindow(windowRecord(m), settings!, owner.timezone, SEEDED_AT)
			);
			expect(verdicts).toContainEqual(
				expect.objectContaining({
					compliant: false,
					needsApproval: true,
					reasons: expect.arrayContaining(['approval_missing'])
				})
			);
		}
	});

	it('shows missed months with a credit, one decided and one pending request', async () => {
		for (const slug of ['globex', 'initech']) {
			const sla = await getSlaReport(staff, slug, month(2), {}, SEEDED_AT);
			expect(sla.report.met, slug).toBe(false);
			expect(sla.report.credit.amountCents, slug).toBeGreaterThan(0);
		}
		const requests = (
			await Promise.all(STORY_CLIENTS.map((slug) => listCreditRequests(staff, slug)))
		).flat();
		expect(requests.filter((r) => r.status === 'approved')).toHaveLength(1);
		expect(requests.filter((r) => r.status === 'requested')).toHaveLength(1);
		expect(requests.every((r) => r.period === month(2))).toBe(true);
	});

	it('keeps the mails the story produced, as delivered back then', async () => {
		const outbox = await listOutbox(staff, 1);
		expect(outbox.total).toBeGreaterThan(100);
		expect(outbox.rows.every((m) => m.state === 'sent' && m.sentAt !== null)).toBe(true);
		expect(outbox.rows.every((m) => m.createdAt.getTime() <= SEEDED_AT.getTime())).toBe(true);
	});
});
