import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/account';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { getDb } from '../../src/lib/server/db';
import { userToken } from '../../src/lib/server/db/schema';
import { listMembershipHistory } from '../../src/lib/server/people/history';
import {
	changeMemberRole,
	inviteMember,
	listMembers,
	removeMember,
	revokeInvitation
} from '../../src/lib/server/people/service';
import { createMember, createStaff, createTenant, statusOf, unique } from './factories';

const origin = 'http://portal.test';
const userIdOf = (ctx: { actor: object }) =>
	'userId' in ctx.actor ? (ctx.actor.userId as string) : '';

describe('the contact-list history (000 §1.6; 002 art. 3, 4.3: a written, dated list)', () => {
	it('records every change in its transaction: invitation, role change, removal', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const admin = await createMember(tenant.id, tenant.slug, 'admin');
		const email = `${unique('h')}@test.local`;
		const { userId } = await inviteMember(
			admin,
			tenant.slug,
			{ email, name: 'Hist Person', role: 'viewer' },
			origin,
			'fr'
		);
		await changeMemberRole(admin, tenant.slug, userId!, { role: 'contact' });
		await removeMember(staff, tenant.slug, userId!);

		const { periods } = await listMembershipHistory(admin, tenant.slug);
		const mine = periods.filter((p) => p.email === email).reverse();
		expect(mine.map((p) => [p.role, p.reason, p.endReason])).toEqual([
			['viewer', 'invited', 'role_changed'],
			['contact', 'role_changed', 'removed']
		]);
		expect(mine[0].grantedByName).toBe(admin.actor.kind === 'member' ? admin.actor.name : '');
		expect(mine[1].endedByName).toBe('Staff admin');
		expect(mine[0].effectiveTo?.getTime()).toBe(mine[1].effectiveFrom.getTime());
		expect(mine.every((p) => p.effectiveTo !== null)).toBe(true);
	});

	it("is another tenant's 404", async () => {
		const staff = await createStaff();
		const a = await createTenant(staff);
		const b = await createTenant(staff);
		const other = await createMember(b.id, b.slug, 'admin');
		expect(await statusOf(() => listMembershipHistory(other, a.slug))).toBe(404);
		// Staff read every client's list.
		expect(await statusOf(() => listMembershipHistory(staff, a.slug))).toBe('ok');
	});
});

describe('the last admin', () => {
	it('cannot remove or demote themselves (409), and nothing is stored', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const admin = await createMember(tenant.id, tenant.slug, 'admin');
		expect(await statusOf(() => removeMember(admin, tenant.slug, userIdOf(admin)))).toBe(409);
		expect(
			await statusOf(() =>
				changeMemberRole(admin, tenant.slug, userIdOf(admin), { role: 'viewer' })
			)
		).toBe(409);
		expect((await listMembers(admin, tenant.slug)).map((p) => p.role)).toEqual(['admin']);
		// With a second admin, stepping down is allowed.
		await createMember(tenant.id, tenant.slug, 'admin');
		await changeMemberRole(admin, tenant.slug, userIdOf(admin), { role: 'contact' });
	});
});

describe('removing or demoting someone ends their access now', () => {
	it('a demoted admin loses their sessions; a promoted viewer keeps them', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const admin = await createMember(tenant.id, tenant.slug, 'admin');
		const viewer = await createMember(tenant.id, tenant.slug, 'viewer');
		const a = await signIn({ email: admin.email, password: admin.password }, null);
		const v = await signIn({ email: viewer.email, password: viewer.password }, null);
		await changeMemberRole(staff, tenant.slug, userIdOf(admin), { role: 'contact' });
		await changeMemberRole(staff, tenant.slug, userIdOf(viewer), { role: 'contact' });
		expect(await validateSessionToken(a.token)).toBeNull();
		expect((await validateSessionToken(v.token))?.membership?.role).toBe('contact');
	});

	it('a removed contact’s next request is refused', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const contact = await createMember(tenant.id, tenant.slug, 'contact');
		const s = await signIn({ email: contact.email, password: contact.password }, null);
		await removeMember(staff, tenant.slug, userIdOf(contact));
		expect(await validateSessionToken(s.token)).toBeNull();
	});
});

describe('invitations', () => {
	it('a pending invitation shows its expiry and can be revoked: the link dies', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const admin = await createMember(tenant.id, tenant.slug, 'admin');
		const email = `${unique('inv')}@test.local`;
		const { userId } = await inviteMember(
			admin,
			tenant.slug,
			{ email, name: 'Invitee', role: 'viewer' },
			origin,
			'en'
		);
		const listed = (await listMembers(admin, tenant.slug)).find((p) => p.email === email);
		expect(listed?.pending).toBe(true);
		expect(listed?.invitationExpiresAt?.getTime()).toBeGreaterThan(Date.now());
		const [token] = await getDb().select().from(userToken).where(eq(userToken.userId, userId!));
		expect(token.usedAt).toBeNull();

		await revokeInvitation(admin, tenant.slug, userId!);
		const [after] = await getDb().select().from(userToken).where(eq(userToken.userId, userId!));
		expect(after.usedAt).not.toBeNull();
		expect((await listMembers(admin, tenant.slug)).some((p) => p.email === email)).toBe(false);
		const { periods } = await listMembershipHistory(admin, tenant.slug);
		expect(periods.find((p) => p.email === email)?.endReason).toBe('revoked');
	});

	it('an accepted invitation cannot be revoked (409)', async () => {
		const staff = await createStaff();
		const tenant = await createTenant(staff);
		const contact = await createMember(tenant.id, tenant.slug, 'contact');
		expect(await statusOf(() => revokeInvitation(staff, tenant.slug, userIdOf(contact)))).toBe(409);
	});
});
