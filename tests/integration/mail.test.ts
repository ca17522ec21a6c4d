import { eq, isNull } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '../../src/lib/server/db';
import { outboxMail } from '../../src/lib/server/db/schema';
import { inviteMember } from '../../src/lib/server/people/service';
import { createStaff, createTenant, unique } from './factories';

const received: { to: string[]; body: string }[] = [];
let server: SMTPServer;

beforeAll(async () => {
	server = new SMTPServer({
		authOptional: true,
		disabledCommands: ['STARTTLS'],
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
	// Other files queue mail with no SMTP configured; this test's mail must not wait behind that backlog.
	await getDb().update(outboxMail).set({ error: 'left unsent by earlier tests' }).where(isNull(outboxMail.sentAt));
	process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
});

afterAll(async () => {
	delete process.env.SMTP_URL;
	await new Promise<void>((done) => server.close(() => done()));
});

describe('mail through a real SMTP server', () => {
	it('delivers an invitation and records it as sent in the outbox', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const email = `${unique('smtp')}@test.local`;
		await inviteMember(staff, tenant.slug, { email, name: 'Par SMTP', role: 'viewer' }, 'http://portal.test', 'fr');
		const delivered = received.find((r) => r.to.includes(email));
		expect(delivered?.body).toContain('/invite/');
		const [row] = await getDb().select().from(outboxMail).where(eq(outboxMail.to, email));
		expect(row.sentAt).not.toBeNull();
		expect(row.error).toBeNull();
	});
});
