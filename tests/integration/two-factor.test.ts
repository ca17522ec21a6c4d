import { generateHOTP } from '@oslojs/otp';
import { decodeBase32IgnorePadding } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import {
	resetPassword,
	SecondFactorRequired,
	signIn,
	ThrottledError
} from '../../src/lib/server/auth/account';
import { actorFromSession } from '../../src/lib/server/auth/actor';
import {
	getSecuritySettings,
	setClientAdminTwoFactor,
	updateSecuritySettings
} from '../../src/lib/server/auth/security-settings';
import { createSession, validateSessionToken } from '../../src/lib/server/auth/session';
import { totpStep } from '../../src/lib/server/auth/totp-rules';
import {
	confirmEnrolment,
	disableTwoFactor,
	getTwoFactorState,
	passChallenge,
	startEnrolment
} from '../../src/lib/server/auth/two-factor';
import { issueUserToken } from '../../src/lib/server/auth/user-tokens';
import { getDb } from '../../src/lib/server/db';
import { createMember, createStaff, createTenant, statusOf } from './factories';

// Steps counted from the enrolment's, so a test crossing a 30-second boundary still means the same codes.
let step0 = 0;
const codeAt = (secret: string, offset: number) =>
	generateHOTP(decodeBase32IgnorePadding(secret), BigInt(step0 + offset), 6);

async function enrolled() {
	const staff = await createStaff();
	const tenant = await createTenant(staff);
	const member = await createMember(tenant.id, tenant.slug, 'contact');
	await startEnrolment(member);
	const state = await getTwoFactorState(member);
	const secret = state.pending!.secret;
	step0 = totpStep(Date.now());
	expect(state.pending!.qr).toMatch(/^data:image\/png;base64,/);
	const recovery = await confirmEnrolment(member, codeAt(secret, 0));
	return { member, secret, recovery };
}

async function challenge(member: { email: string; password: string }) {
	try {
		await signIn({ email: member.email, password: member.password }, null);
	} catch (e) {
		if (e instanceof SecondFactorRequired) return e.token;
		throw e;
	}
	throw new Error('signed in without the second factor');
}

const open =
	(tokens: string[]) => async (tx: Parameters<typeof createSession>[0], userId: string) => {
		tokens.push((await createSession(tx, userId, null)).token);
	};

describe('TOTP two-factor sign-in', () => {
	it('enrols with a confirmation code and gives 10 recovery codes, stored hashed', async () => {
		const { member, recovery } = await enrolled();
		expect(recovery).toHaveLength(10);
		expect(new Set(recovery).size).toBe(10);
		const state = await getTwoFactorState(member);
		expect(state).toMatchObject({ enabled: true, recoveryLeft: 10 });
	});

	it('a password alone gives no session; the code does, and a used code is refused the second time', async () => {
		const { member, secret } = await enrolled();
		const tokens: string[] = [];
		// The enrolment used the current step: that code cannot be replayed.
		const first = await challenge(member);
		expect(await statusOf(() => passChallenge(first, codeAt(secret, 0), null, open(tokens)))).toBe(
			422
		);
		const next = codeAt(secret, 1);
		await passChallenge(first, next, null, open(tokens));
		expect(await validateSessionToken(tokens[0])).not.toBeNull();
		const second = await challenge(member);
		expect(await statusOf(() => passChallenge(second, next, null, open(tokens)))).toBe(422);
		// A spent challenge opens nothing.
		expect(await statusOf(() => passChallenge(first, codeAt(secret, 1), null, open(tokens)))).toBe(
			422
		);
		expect(tokens).toHaveLength(1);
	});

	it('a recovery code works once', async () => {
		const { member, recovery } = await enrolled();
		const tokens: string[] = [];
		await passChallenge(await challenge(member), recovery[3].toUpperCase(), null, open(tokens));
		expect(tokens).toHaveLength(1);
		const again = await challenge(member);
		expect(await statusOf(() => passChallenge(again, recovery[3], null, open(tokens)))).toBe(422);
		expect((await getTwoFactorState(member)) as { recoveryLeft: number }).toMatchObject({
			recoveryLeft: 9
		});
	});

	it('verification is throttled', async () => {
		const { member } = await enrolled();
		const token = await challenge(member);
		for (let i = 0; i < 5; i++)
			await statusOf(() => passChallenge(token, '000000', '10.9.9.9', open([])));
		await expect(passChallenge(token, '000000', '10.9.9.9', open([]))).rejects.toBeInstanceOf(
			ThrottledError
		);
	});

	it('a reset link does not skip the second factor', async () => {
		const { member } = await enrolled();
		const userId = 'userId' in member.actor ? member.actor.userId : '';
		const link = await issueUserToken(getDb(), userId, 'password_reset');
		const reset = await resetPassword(
			link,
			{ password: 'another-password', confirm: 'another-password' },
			null
		);
		expect(reset.token).toBeNull();
		expect(reset.challenge).not.toBeNull();
	});

	it('turning it off needs a fresh code', async () => {
		const { member, secret } = await enrolled();
		expect(await statusOf(() => disableTwoFactor(member, codeAt(secret, 0)))).toBe(422);
		await disableTwoFactor(member, codeAt(secret, 1));
		expect((await getTwoFactorState(member)).enabled).toBe(false);
		const { token } = await signIn({ email: member.email, password: member.password }, null);
		expect(token).toBeTruthy();
	});
});

describe('required two-factor sign-in', () => {
	it("a client's admins, once required, act for nobody until they enrol", async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const admin = await createMember(tenant.id, tenant.slug, 'admin');
		const contact = await createMember(tenant.id, tenant.slug, 'contact');
		expect(
			await statusOf(() => setClientAdminTwoFactor(admin, tenant.slug, { required: true }))
		).toBe(404);
		await setClientAdminTwoFactor(staff, tenant.slug, { required: true });
		const a = await signIn({ email: admin.email, password: admin.password }, null);
		const c = await signIn({ email: contact.email, password: contact.password }, null);
		const session = (await validateSessionToken(a.token))!;
		expect(session.mustEnrolTwoFactor).toBe(true);
		expect(actorFromSession(session).kind).toBe('user');
		expect((await validateSessionToken(c.token))!.mustEnrolTwoFactor).toBe(false);

		await startEnrolment(admin);
		const secret = (await getTwoFactorState(admin)).pending!.secret;
		step0 = totpStep(Date.now());
		await confirmEnrolment(admin, codeAt(secret, 0));
		const after = (await validateSessionToken(a.token))!;
		expect(after.mustEnrolTwoFactor).toBe(false);
		expect(actorFromSession(after).kind).toBe('member');
	});

	it('the settings refuse out-of-range lifetimes (422) and only staff admins change them', async () => {
		const staff = await createStaff();
		const operator = await createStaff('operator');
		const valid = {
			staffIdleMinutes: '720',
			memberIdleMinutes: '43200',
			absoluteLifetimeHours: '720'
		};
		expect(await statusOf(() => updateSecuritySettings(operator, valid))).toBe(403);
		expect(
			await statusOf(() => updateSecuritySettings(staff, { ...valid, staffIdleMinutes: '1' }))
		).toBe(422);
		await updateSecuritySettings(staff, valid);
		expect(await getSecuritySettings(staff)).toEqual({
			requireStaffTwoFactor: false,
			staffIdleMinutes: 720,
			memberIdleMinutes: 43_200,
			absoluteLifetimeHours: 720
		});
	});
});
