import postgres from 'postgres';
import { and, eq, gt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { contractOf } from '../../src/lib/server/clients/scope';
import type { RequestContext } from '../../src/lib/server/context';
import { closeDb, getDb } from '../../src/lib/server/db';
import { runMigrations } from '../../src/lib/server/db/migrate';
import { backup, client, maintenance, restoreRequest, user } from '../../src/lib/server/db/schema';
import { DEMO_BACKUP_DAYS } from '../../src/lib/server/demo/backups';
import { seedDemo } from '../../src/lib/server/demo/seed';
import { HISTORY_DAYS } from '../../src/lib/server/demo/history';
import { historyStartOf, instantOf, monthBefore } from '../../src/lib/server/demo/story-time';
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
		// 000 §1.6: an outage over 4 h is not billed, even in a month whose 95 % target is met.
		const initech = await getSlaReport(staff, 'initech', month(1), {}, SEEDED_AT);
		expect(initech.report.credit.amountCents).toBeGreaterThan(0);
		const acme = await getSlaReport(staff, 'acme', month(1), {}, SEEDED_AT);
		expect(acme.monthly!.report.gtr!.amountCents).toBeGreaterThan(0);

		const requests = async (slug: string) =>
			(await listCreditRequests(staff, slug))
				.map((r) => `${r.basis} ${r.period} ${r.status}`)
				.sort();
		// 001 §5.2: alteo's GTR penalties are asked month by month, the contract year still running.
		expect(await requests('acme')).toEqual(
			[`gtr ${month(1)} requested`, `gtr ${month(2)} approved`].sort()
		);
		expect(await requests('initech')).toEqual(
			[`availability ${month(1)} requested`, `availability ${month(2)} approved`].sort()
		);
		// Seeded late in a month, the month three back has left the history, and its credit with it.
		const told =
			instantOf({ monthsAgo: 3, workday: 18, time: '10:00' }, SEEDED_AT, ZONE) >=
			historyStartOf(SEEDED_AT, ZONE, HISTORY_DAYS);
		expect(await requests('globex')).toEqual(
			[
				`availability ${month(2)} requested`,
				...(told ? [`availability ${month(3)} approved`] : [])
			].sort()
		);
	});

	it('gives every demo client 60 days of signed backups', async () => {
		for (const slug of [...STORY_CLIENTS, 'umbrella', 'duval']) {
			const [owner] = await getDb().select().from(client).where(eq(client.slug, slug));
			const rows = await getDb().select().from(backup).where(eq(backup.clientId, owner.id));
			expect(rows.length, slug).toBeGreaterThanOrEqual(DEMO_BACKUP_DAYS - 2);
			expect(rows.every((b) => b.authenticationKey.length > 40)).toBe(true);
		}
	});

	it('flags one Umbrella Santé backup over the 5 % change of 003 art. 4.05, and no other', async () => {
		const flagged = await getDb()
			.select({ slug: client.slug, flags: backup.flags })
			.from(backup)
			.innerJoin(client, eq(client.id, backup.clientId))
			.where(sql`${backup.flags}::text like '%change_over_limit%'`);
		expect(flagged.map((b) => b.slug)).toEqual(['umbrella']);
	});

	it('gives the backup clients a restore completed and one under way', async () => {
		for (const slug of ['umbrella', 'duval']) {
			const [owner] = await getDb().select().from(client).where(eq(client.slug, slug));
			const rows = await getDb()
				.select({ status: restoreRequest.status })
				.from(restoreRequest)
				.where(eq(restoreRequest.clientId, owner.id));
			expect(rows.map((r) => r.status).sort(), slug).toEqual(['completed', 'in_progress']);
		}
	});

	it('keeps the mails the story produced, as delivered back then', async () => {
		const outbox = await listOutbox(staff, 1);
		expect(outbox.total).toBeGreaterThan(100);
		expect(outbox.rows.every((m) => m.state === 'sent' && m.sentAt !== null)).toBe(true);
		expect(outbox.rows.every((m) => m.createdAt.getTime() <= SEEDED_AT.getTime())).toBe(true);
	});
});
