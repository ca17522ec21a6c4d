import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn, ThrottledError } from '../../src/lib/server/auth/account';
import { hashSecret } from '../../src/lib/server/auth/crypto';
import {
	changePassword,
	endOtherSessions,
	endOwnSession,
	listSessions
} from '../../src/lib/server/auth/security';
import { sweepExpiredSessions } from '../../src/lib/server/auth/jobs';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { getDb } from '../../src/lib/server/db';
import { providerSetting, session } from '../../src/lib/server/db/schema';
import { createMember, createStaff, createTenant, statusOf } from './factories';

async function memberWithSessions(n: number) {
	const staff = await createStaff();
	const tenant = await createTenant(staff);
	const member = await createMember(tenant.id, tenant.slug, 'contact');
	const tokens: string[] = [];
	for (let i = 0; i < n; i++)
		tokens.push(
			(
				await signIn(
					{ email: member.email, password: member.password },
					'10.0.0.' + i,
					'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0'
				)
			).token
		);
	return { staff, member, tokens, account: { ctx: member, sessionId: hashSecret(tokens[0]) } };
}

describe('the account’s sessions', () => {
	it('lists them with device, address, created and last seen; ends one, then all others', async () => {
		const { member, tokens, account } = await memberWithSessions(3);
		const listed = await listSessions(account);
		expect(listed).toHaveLength(3);
		expect(listed.filter((s) => s.current)).toHaveLength(1);
		expect(listed[0].device).toEqual({ browser: 'Firefox', os: 'Linux' });
		const second = listed.find((s) => s.key === hashSecret(tokens[1]).slice(0, 16))!;
		await endOwnSession(account, second.key);
		expect(await validateSessionToken(tokens[1])).toBeNull();
		await endOtherSessions(account);
		expect(await validateSessionToken(tokens[2])).toBeNull();
		expect(await validateSessionToken(tokens[0])).not.toBeNull();
		expect(member.email).toBeTruthy();
	});

	it("another person's session is a 404", async () => {
		const a = await memberWithSessions(1);
		const b = await memberWithSessions(1);
		const key = hashSecret(b.tokens[0]).slice(0, 16);
		expect(await statusOf(() => endOwnSession(a.account, key))).toBe(404);
		expect(await validateSessionToken(b.tokens[0])).not.toBeNull();
	});

	it('an idle session ends after the idle timeout', async () => {
		const { tokens } = await memberWithSessions(1);
		const { staffIdleMinutes, memberIdleMinutes } = (
			await getDb().select().from(providerSetting)
		)[0];
		expect([staffIdleMinutes, memberIdleMinutes]).toEqual([720, 43_200]);
		await getDb()
			.update(session)
			.set({ lastSeenAt: new Date(Date.now() - 31 * 24 * 3_600_000) })
			.where(eq(session.id, hashSecret(tokens[0])));
		expect(await validateSessionToken(tokens[0])).toBeNull();
	});
});

describe('changing the password', () => {
	it('needs the current password; other sessions end, this one stays', async () => {
		const { member, tokens, account } = await memberWithSessions(2);
		expect(
			await statusOf(() =>
				changePassword(account, {
					current: 'wrong-password',
					password: 'a-new-password',
					confirm: 'a-new-password'
				})
			)
		).toBe(422);
		expect(await validateSessionToken(tokens[1])).not.toBeNull();
		await changePassword(account, {
			current: member.password,
			password: 'a-new-password',
			confirm: 'a-new-password'
		});
		expect(await validateSessionToken(tokens[1])).toBeNull();
		expect(await validateSessionToken(tokens[0])).not.toBeNull();
		await signIn({ email: member.email, password: 'a-new-password' }, null);
	});

	it('is throttled like a sign-in', async () => {
		const { account } = await memberWithSessions(1);
		const wrong = {
			current: 'nope-nope-nope',
			password: 'a-new-password',
			confirm: 'a-new-password'
		};
		for (let i = 0; i < 5; i++) await statusOf(() => changePassword(account, wrong));
		await expect(changePassword(account, wrong)).rejects.toBeInstanceOf(ThrottledError);
	});
});

describe('the session sweep', () => {
	it('deletes sessions past their expiry', async () => {
		const { tokens } = await memberWithSessions(2);
		await getDb()
			.update(session)
			.set({ expiresAt: new Date(Date.now() - 1000) })
			.where(eq(session.id, hashSecret(tokens[0])));
		await sweepExpiredSessions();
		const left = await getDb().select({ id: session.id }).from(session);
		expect(left.map((s) => s.id)).not.toContain(hashSecret(tokens[0]));
		expect(left.map((s) => s.id)).toContain(hashSecret(tokens[1]));
	});
});
