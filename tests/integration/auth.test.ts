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
import { outboxMail, session } from '../../src/lib/server/db/schema';
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
		const first = await signIn({ email: member.email.toUpperCase(), password: member.password }, '10.0.0.1');
		const second = await signIn({ email: member.email, password: member.password }, '10.0.0.1');
		expect(first.token).not.toBe(second.token);
		expect(first.token.length).toBeGreaterThanOrEqual(24);
		expect(first.landing).toBe(`/app/${tenant.slug}`);
		const rows = await getDb().select().from(session).where(eq(session.id, hashSecret(first.token)));
		expect(rows).toHaveLength(1);
		expect(await getDb().select().from(session).where(eq(session.id, first.token))).toHaveLength(0);
		const validated = await validateSessionToken(first.token);
		expect(validated?.membership).toMatchObject({ clientSlug: tenant.slug, role: 'contact' });
	});

	it('gives the same answer for an unknown e-mail and a wrong password', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'viewer');
		const unknown = await signIn({ email: `${unique('nobody')}@test.local`, password: 'whatever-123' }, '10.0.0.2').catch((e) => e);
		const wrong = await signIn({ email: member.email, password: 'wrong-password' }, '10.0.0.2').catch((e) => e);
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
			const e = await signIn({ email: member.email, password: `guess-${attempt}` }, `10.1.0.${attempt}`).catch((x) => x);
			if (e instanceof ThrottledError) {
				refusedAt = attempt;
				expect(e.retryAfter).toBeGreaterThan(0);
				expect(e.status).toBe(429);
			}
		}
		expect(refusedAt).toBeGreaterThan(0);
		expect(refusedAt).toBeLessThan(20);
		// While the delay runs even the right password is refused.
		expect(await signIn({ email: member.email, password: member.password }, '10.1.1.1').catch((e) => e)).toBeInstanceOf(ThrottledError);
	});

	it('extends a session used in its second half (30-day sliding expiry)', async () => {
		const staff = await createStaff();
		const userId = staff.actor.kind === 'staff' ? staff.actor.userId : '';
		const { token } = await createSession(getDb(), userId, null);
		const soon = new Date(Date.now() + 5 * 24 * 3600 * 1000);
		await getDb().update(session).set({ expiresAt: soon }).where(eq(session.id, hashSecret(token)));
		const validated = await validateSessionToken(token);
		expect(validated!.expiresAt.getTime()).toBeGreaterThan(Date.now() + 29 * 24 * 3600 * 1000);
		await getDb().update(session).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(session.id, hashSecret(token)));
		expect(await validateSessionToken(token)).toBeNull();
	});
});

describe('e-mailed single-use links', () => {
	it('resets a password once, closes the other sessions, and refuses the link a second time', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const member = await createMember(tenant.id, tenant.slug, 'admin');
		const old = await signIn({ email: member.email, password: member.password }, null);
		await requestPasswordReset(member.email, 'http://portal.test', 'fr');
		const [mail] = await getDb().select().from(outboxMail).where(eq(outboxMail.to, member.email));
		expect(mail.subject).toContain('mot de passe');
		const token = linkToken(mail.text);

		const mismatch = await resetPassword(token, { password: 'new-password-1', confirm: 'other' }, null).catch((e) => e);
		expect(mismatch.details.fields.confirm).toBeTruthy();
		await resetPassword(token, { password: 'new-password-1', confirm: 'new-password-1' }, null);
		expect(await validateSessionToken(old.token)).toBeNull();
		expect((await signIn({ email: member.email, password: 'new-password-1' }, null)).landing).toBe(`/app/${tenant.slug}`);
		const again = await resetPassword(token, { password: 'new-password-2', confirm: 'new-password-2' }, null).catch((e) => e);
		expect(again.status).toBe(422);
	});

	it('sends nothing for an unknown address', async () => {
		const email = `${unique('ghost')}@test.local`;
		await requestPasswordReset(email, 'http://portal.test', 'fr');
		expect(await getDb().select().from(outboxMail).where(eq(outboxMail.to, email))).toHaveLength(0);
	});

	it('lets an invited contact choose a password and land on their client', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const email = `${unique('invitee')}@test.local`;
		await inviteMember(staff, tenant.slug, { email, name: 'Nouvelle Personne', role: 'contact' }, 'http://portal.test', 'en');
		const [mail] = await getDb().select().from(outboxMail).where(eq(outboxMail.to, email));
		expect(mail.subject).toContain(tenant.name);
		const result = await acceptInvitation(linkToken(mail.text), { password: 'chosen-password', confirm: 'chosen-password' }, null);
		expect(result.landing).toBe(`/app/${tenant.slug}`);
		const reuse = await acceptInvitation(linkToken(mail.text), { password: 'chosen-password', confirm: 'chosen-password' }, null).catch((e) => e);
		expect(reuse.status).toBe(422);
	});
});
