import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
	acceptInvitation,
	requestPasswordReset,
	resetPassword,
	signIn,
	ThrottledError
} from '../../src/lib/server/auth/account';
import { hashSecret } from '../../src/lib/server/auth/crypto';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { getDb } from '../../src/lib/server/db';
import { loginThrottle, outboxMail, session } from '../../src/lib/server/db/schema';
import { inviteMember } from '../../src/lib/server/people/service';
import { ServiceError } from '../../src/lib/server/errors';
import { createMember, createStaff, createTenant, unique } from './factories';

function linkToken(text: string): string {
	return /\/(?:reset-password|invite)\/([a-z0-9]+)/.exec(text)![1];
}

describe('sign-in (Lucia session pattern)', () => {
	it('stores only the SHA-256 of a fresh token at every sign-in and lands on the right page', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'contact');
		const first = await signIn(
			{ email: member.email.toUpperCase(), password: member.password },
			'10.0.0.1'
		);
		const second = await signIn({ email: member.email, password: member.password }, '10.0.0.1');
		expect(first.token).not.toBe(second.token);
		expect(first.token.length).toBeGreaterThanOrEqual(24);
		expect(first.landing).toBe(`/app/${tenant.slug}`);
		const rows = await getDb()
			.select()
			.from(session)
			.where(eq(session.id, hashSecret(first.token)));
		expect(rows).toHaveLength(1);
		expect(await getDb().select().from(session).where(eq(session.id, first.token))).toHaveLength(0);
		const validated = await validateSessionToken(first.token);
		expect(validated?.membership).toMatchObject({ clientSlug: tenant.slug, role: 'contact' });
	});

	it('gives the same answer for an unknown e-mail and a wrong password', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		const unknown = await signIn(
			{ email: `${unique('nobody')}@test.local`, password: 'whatever-123' },
			'10.0.0.2'
		).catch((e) => e);
		const wrong = await signIn(
			{ email: member.email, password: 'wrong-password' },
			'10.0.0.2'
		).catch((e) => e);
		expect(unknown).toBeInstanceOf(ServiceError);
		expect(wrong.message).toBe(unknown.message);
		expect(wrong.status).toBe(unknown.status);
	});

	it('refuses a 20-try dictionary attack on one account before the 20th try (000 §5)', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		let refusedAt = 0;
		for (let attempt = 1; attempt <= 20 && !refusedAt; attempt++) {
			const e = await signIn(
				{ email: member.email, password: `guess-${attempt}` },
				`10.1.0.${attempt}`
			).catch((x) => x);
			if (e instanceof ThrottledError) {
				refusedAt = attempt;
				expect(e.retryAfter).toBeGreaterThan(0);
				expect(e.status).toBe(429);
			}
		}
		expect(refusedAt).toBeGreaterThan(0);
		expect(refusedAt).toBeLessThan(20);
		// While the delay runs even the right password is refused.
		expect(
			await signIn({ email: member.email, password: member.password }, '10.1.1.1').catch((e) => e)
		).toBeInstanceOf(ThrottledError);
	});

	it('checks at most 5 of 20 simultaneous guesses and refuses the right password last with a 1 s delay', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		const guesses = Array.from({ length: 20 }, (_, i) =>
			i === 19 ? member.password : `guess-${i}`
		);
		const results = await Promise.all(
			guesses.map((password, i) =>
				signIn({ email: member.email, password }, `10.2.0.${i}`).catch((e) => e)
			)
		);
		const throttled = results.filter((r) => r instanceof ThrottledError);
		// Checked against the password: wrong ones (400) and a sign-in; the rest never reached argon2.
		const checked = results.filter((r) => !(r instanceof ThrottledError));
		expect(checked).toHaveLength(5);
		expect(results[19]).toBeInstanceOf(ThrottledError);
		// The 5th failure, concurrent or not, starts a 1 s delay: every refused one waits exactly that.
		expect(throttled.map((e) => e.retryAfter)).toEqual(Array(15).fill(1));
		expect(throttled[0].status).toBe(429);
		const [row] = await getDb()
			.select()
			.from(loginThrottle)
			.where(eq(loginThrottle.key, `account:${member.email}`));
		expect(row.failures).toBe(5);
	});

	it('does not count successful sign-ins against the address', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		const ip = `10.3.0.${process.pid % 250}`;
		for (let i = 0; i < 35; i++)
			await signIn({ email: member.email, password: member.password }, ip);
		const [row] = await getDb()
			.select()
			.from(loginThrottle)
			.where(eq(loginThrottle.key, `ip:${ip}`));
		expect(row.failures).toBe(0);
		expect(row.blockedUntil).toBeNull();
	});

	it('a use (recorded at most once a minute) pushes back the idle timeout; past its expiry it ends', async () => {
		const staff = await createStaff();
		const userId = staff.actor.kind === 'staff' ? staff.actor.userId : '';
		const { token } = await createSession(getDb(), userId, null);
		await getDb()
			.update(session)
			.set({ lastSeenAt: new Date(Date.now() - 11 * 3600 * 1000) })
			.where(eq(session.id, hashSecret(token)));
		const validated = await validateSessionToken(token);
		// Staff: 12 h idle timeout by default.
		expect(validated!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 11.9 * 3600 * 1000);
		await getDb()
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, hashSecret(token)));
		expect(await validateSessionToken(token)).toBeNull();
	});
});

describe('e-mailed single-use links', () => {
	it('resets a password once, closes the other sessions, and refuses the link a second time', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'admin');
		const old = await signIn({ email: member.email, password: member.password }, null);
		await requestPasswordReset(member.email, 'http://portal.test', 'fr', null);
		const [mail] = await getDb().select().from(outboxMail).where(eq(outboxMail.to, member.email));
		expect(mail.subject).toContain('mot de passe');
		const token = linkToken(mail.text);

		const mismatch = await resetPassword(
			token,
			{ password: 'new-password-1', confirm: 'other' },
			null
		).catch((e) => e);
		expect(mismatch.details.fields.confirm).toBeTruthy();
		await resetPassword(token, { password: 'new-password-1', confirm: 'new-password-1' }, null);
		expect(await validateSessionToken(old.token)).toBeNull();
		expect((await signIn({ email: member.email, password: 'new-password-1' }, null)).landing).toBe(
			`/app/${tenant.slug}`
		);
		const again = await resetPassword(
			token,
			{ password: 'new-password-2', confirm: 'new-password-2' },
			null
		).catch((e) => e);
		expect(again.status).toBe(422);
	});

	it('a reset consumes every older reset link of the account', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'contact');
		await requestPasswordReset(member.email, 'http://portal.test', 'fr', null);
		await requestPasswordReset(member.email, 'http://portal.test', 'fr', null);
		const mails = await getDb()
			.select()
			.from(outboxMail)
			.where(eq(outboxMail.to, member.email))
			.orderBy(outboxMail.id);
		expect(mails).toHaveLength(2);
		const [older, newer] = mails.map((mail) => linkToken(mail.text));
		await resetPassword(newer, { password: 'newer-password', confirm: 'newer-password' }, null);
		const stale = await resetPassword(
			older,
			{ password: 'older-password', confirm: 'older-password' },
			null
		).catch((e) => e);
		expect(stale.status).toBe(422);
		expect((await signIn({ email: member.email, password: 'newer-password' }, null)).landing).toBe(
			`/app/${tenant.slug}`
		);
	});

	it('accepting an invitation also consumes outstanding reset links', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const email = `${unique('invitee')}@test.local`;
		await inviteMember(
			staff,
			tenant.slug,
			{ email, name: 'Invitée', role: 'viewer' },
			'http://portal.test',
			'fr'
		);
		const [invitation] = await getDb().select().from(outboxMail).where(eq(outboxMail.to, email));
		await acceptInvitation(
			linkToken(invitation.text),
			{ password: 'chosen-password', confirm: 'chosen-password' },
			null
		);
		await requestPasswordReset(email, 'http://portal.test', 'fr', null);
		await requestPasswordReset(email, 'http://portal.test', 'fr', null);
		const resets = (
			await getDb().select().from(outboxMail).where(eq(outboxMail.to, email)).orderBy(outboxMail.id)
		).slice(1);
		const [first, second] = resets.map((mail) => linkToken(mail.text));
		await resetPassword(first, { password: 'first-password', confirm: 'first-password' }, null);
		expect(
			(
				await resetPassword(
					second,
					{ password: 'second-password', confirm: 'second-password' },
					null
				).catch((e) => e)
			).status
		).toBe(422);
	});

	it('queues at most 3 reset mails per account an hour, answering the same every time', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'admin');
		const answers = [];
		for (let i = 0; i < 10; i++)
			answers.push(
				await requestPasswordReset(
					member.email.toUpperCase(),
					'http://portal.test',
					'fr',
					`10.4.0.${i}`
				)
			);
		expect(new Set(answers).size).toBe(1);
		expect(
			await getDb().select().from(outboxMail).where(eq(outboxMail.to, member.email))
		).toHaveLength(3);
		// A new window opens after an hour.
		await getDb()
			.update(loginThrottle)
			.set({ updatedAt: new Date(Date.now() - 61 * 60 * 1000) })
			.where(eq(loginThrottle.key, `reset:account:${member.email}`));
		await requestPasswordReset(member.email, 'http://portal.test', 'fr', '10.4.1.1');
		expect(
			await getDb().select().from(outboxMail).where(eq(outboxMail.to, member.email))
		).toHaveLength(4);
	});

	it('limits reset mails per client address too, counting unknown addresses alike', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		const ip = `10.5.${process.pid % 250}.1`;
		await getDb()
			.delete(loginThrottle)
			.where(eq(loginThrottle.key, `reset:ip:${ip}`));
		for (let i = 0; i < 20; i++)
			await requestPasswordReset(`${unique('ghost')}@test.local`, 'http://portal.test', 'fr', ip);
		await requestPasswordReset(member.email, 'http://portal.test', 'fr', ip);
		expect(
			await getDb().select().from(outboxMail).where(eq(outboxMail.to, member.email))
		).toHaveLength(0);
		await requestPasswordReset(member.email, 'http://portal.test', 'fr', '10.5.255.2');
		expect(
			await getDb().select().from(outboxMail).where(eq(outboxMail.to, member.email))
		).toHaveLength(1);
	});

	it('sends nothing for an unknown address', async () => {
		const email = `${unique('ghost')}@test.local`;
		await requestPasswordReset(email, 'http://portal.test', 'fr', null);
		expect(await getDb().select().from(outboxMail).where(eq(outboxMail.to, email))).toHaveLength(0);
	});

	it('lets an invited contact choose a password and land on their client', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const email = `${unique('invitee')}@test.local`;
		await inviteMember(
			staff,
			tenant.slug,
			{ email, name: 'Nouvelle Personne', role: 'contact' },
			'http://portal.test',
			'en'
		);
		const [mail] = await getDb().select().from(outboxMail).where(eq(outboxMail.to, email));
		expect(mail.subject).toContain(tenant.name);
		const result = await acceptInvitation(
			linkToken(mail.text),
			{ password: 'chosen-password', confirm: 'chosen-password' },
			null
		);
		expect(result.landing).toBe(`/app/${tenant.slug}`);
		const reuse = await acceptInvitation(
			linkToken(mail.text),
			{ password: 'chosen-password', confirm: 'chosen-password' },
			null
		).catch((e) => e);
		expect(reuse.status).toBe(422);
	});
});
