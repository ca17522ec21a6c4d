import { createServer, type Server, type Socket } from 'node:net';
import { eq, inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { getDb } from '../../src/lib/server/db';
import { outboxMail } from '../../src/lib/server/db/schema';
import { mailJobs } from '../../src/lib/server/mail/jobs';
import { deliverQueuedMail, RETRY_BASE_MS } from '../../src/lib/server/mail/mailer';
import { inviteMember } from '../../src/lib/server/people/service';
import { createStaff, createTenant, unique } from './factories';

const received: { to: string[]; body: string }[] = [];
/** Recipients whose next RCPT TO the server refuses once, with a temporary failure. */
const refuseOnce = new Set<string>();
let server: SMTPServer;
let smtpUrl: string;

/** Other files queue mail with no SMTP configured; this file's mail must not wait behind that backlog. */
const parkOthers = () =>
	getDb()
		.update(outboxMail)
		.set({ state: 'failed', failedAt: new Date(), error: 'left unsent by earlier tests' })
		.where(eq(outboxMail.state, 'pending'));

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
		onRcptTo(address, _session, done) {
			if (refuseOnce.delete(address.address)) {
				const error = new Error('mailbox busy, try later') as Error & { responseCode: number };
				error.responseCode = 451;
				return done(error);
			}
			done();
		},
		onData(stream, session, done) {
			let body = '';
			stream.on('data', (chunk) => (body += chunk));
			stream.on('end', () => {
				received.push({ to: session.envelope.rcptTo.map((r) => r.address), body });
				done();
			});
		}
	});
	await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
	const { port } = server.server.address() as { port: number };
	smtpUrl = `smtp://127.0.0.1:${port}`;
});

beforeEach(async () => {
	await parkOthers();
	process.env.SMTP_URL = smtpUrl;
});

afterAll(async () => {
	delete process.env.SMTP_URL;
	await new Promise<void>((done) => server.close(() => done()));
});

const rowFor = async (email: string) =>
	(await getDb().select().from(outboxMail).where(eq(outboxMail.to, email)))[0];

describe('mail queue through a real SMTP server', () => {
	it('queues an invitation in the request; the queue sends it and records it as sent', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const email = `${unique('smtp')}@test.local`;
		await inviteMember(
			staff,
			tenant.slug,
			{ email, name: 'Par SMTP', role: 'viewer' },
			'http://portal.test',
			'fr'
		);
		expect((await rowFor(email)).state).toBe('pending');
		expect(received.some((r) => r.to.includes(email))).toBe(false);

		await deliverQueuedMail();
		expect(received.find((r) => r.to.includes(email))?.body).toContain('/invite/');
		const row = await rowFor(email);
		expect(row).toMatchObject({ state: 'sent', attempts: 1, error: null });
		expect(row.sentAt).not.toBeNull();
	});

	it('the mail job sends in the background as soon as a request queues mail', async () => {
		const [job] = mailJobs();
		try {
			const staff = await createStaff();
			const tenant = await createTenant(staff);
			const email = `${unique('nudge')}@test.local`;
			await inviteMember(
				staff,
				tenant.slug,
				{ email, name: 'Poussé', role: 'viewer' },
				'http://portal.test',
				'fr'
			);
			await vi.waitFor(async () => expect((await rowFor(email)).state).toBe('sent'), {
				timeout: 5_000,
				interval: 50
			});
		} finally {
			job.close?.();
			await job.drain?.();
		}
	});

	it('retries a mail whose first send failed, after a back-off, and then sends it', async () => {
		const email = `${unique('retry')}@test.local`;
		refuseOnce.add(email);
		await getDb().insert(outboxMail).values({ to: email, subject: 'Essai', text: 'corps' });

		await deliverQueuedMail();
		let row = await rowFor(email);
		expect(row).toMatchObject({ state: 'pending', attempts: 1, sentAt: null });
		expect(row.error).toContain('mailbox busy');
		const wait = row.nextAttemptAt.getTime() - Date.now();
		expect(wait).toBeGreaterThan(RETRY_BASE_MS - 5_000);
		expect(wait).toBeLessThanOrEqual(RETRY_BASE_MS + 1_000);

		// Not due yet: a drain leaves it alone.
		await deliverQueuedMail();
		expect((await rowFor(email)).attempts).toBe(1);

		// The back-off has elapsed.
		await getDb()
			.update(outboxMail)
			.set({ nextAttemptAt: new Date(Date.now() - 1000) })
			.where(eq(outboxMail.id, row.id));
		await deliverQueuedMail();
		row = await rowFor(email);
		expect(row).toMatchObject({ state: 'sent', attempts: 2, error: null });
		expect(received.filter((r) => r.to.includes(email))).toHaveLength(1);
	});

	it('doubles the back-off per attempt and gives up after 24 h, keeping the last error', async () => {
		const email = `${unique('giveup')}@test.local`;
		const [{ id }] = await getDb()
			.insert(outboxMail)
			.values({ to: email, subject: 'Vieux', text: 'corps', attempts: 3 })
			.returning({ id: outboxMail.id });
		refuseOnce.add(email);
		await deliverQueuedMail();
		let row = await rowFor(email);
		// 4th attempt failed: 30 s · 2³ = 4 min.
		expect(row.nextAttemptAt.getTime() - Date.now()).toBeGreaterThan(8 * RETRY_BASE_MS - 5_000);
		expect(row.state).toBe('pending');

		await getDb()
			.update(outboxMail)
			.set({
				createdAt: sql`now() - interval '25 hours'`,
				nextAttemptAt: new Date(Date.now() - 1000)
			})
			.where(eq(outboxMail.id, id));
		refuseOnce.add(email);
		await deliverQueuedMail();
		row = await rowFor(email);
		expect(row).toMatchObject({ state: 'failed', attempts: 5, sentAt: null });
		expect(row.failedAt).not.toBeNull();
		expect(row.error).toContain('mailbox busy');
		await deliverQueuedMail();
		expect((await rowFor(email)).attempts).toBe(5);
	});

	it('delivers each mail exactly once with 8 drains at once', async () => {
		const emails = Array.from({ length: 40 }, (_, i) => `${unique(`once${i}`)}@test.local`);
		await getDb()
			.insert(outboxMail)
			.values(emails.map((to) => ({ to, subject: 'Une fois', text: 'corps' })));
		await Promise.all(Array.from({ length: 8 }, () => deliverQueuedMail()));
		for (const email of emails)
			expect(
				received.filter((r) => r.to.includes(email)),
				email
			).toHaveLength(1);
		const rows = await getDb().select().from(outboxMail).where(inArray(outboxMail.to, emails));
		expect(rows.every((r) => r.state === 'sent' && r.attempts === 1)).toBe(true);
	});
});

describe('a silent SMTP server', () => {
	let silent: Server;
	const sockets = new Set<Socket>();

	beforeAll(async () => {
		// Accepts connections and never greets.
		silent = createServer((socket) => {
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
		});
		await new Promise<void>((ready) => silent.listen(0, '127.0.0.1', ready));
	});

	afterAll(async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise<void>((done) => silent.close(() => done()));
	});

	it('does not hold up the request that queues mail', async () => {
		const { port } = silent.address() as { port: number };
		process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const email = `${unique('silent')}@test.local`;
		const started = performance.now();
		await inviteMember(
			staff,
			tenant.slug,
			{ email, name: 'Sans réponse', role: 'viewer' },
			'http://portal.test',
			'fr'
		);
		expect(performance.now() - started).toBeLessThan(2_000);
		expect(await rowFor(email)).toMatchObject({ state: 'pending', attempts: 0 });
		expect(sockets.size).toBe(0);
	});
});
