import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { signIn } from '../../src/lib/server/auth/account';
import { validateSessionToken } from '../../src/lib/server/auth/session';
import { getDb } from '../../src/lib/server/db';
import { auditLog, outboxMail } from '../../src/lib/server/db/schema';
import {
	changeMemberRole,
	inviteMember,
	listMembers,
	removeMember
} from '../../src/lib/server/people/service';
import { createMember, createStaff, createTenant, unique } from './factories';

const origin = 'http://portal.test';

describe("a client's people (000 §1.6, 002 art. 4.3: the client names its authorized contacts, changes are traced)", () => {
	it("lets the client's admin invite, re-role and remove people of their own client only", async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const theirs = await createTenant(staff);
		const admin = await createMember(mine.id, mine.slug, 'admin');
		const email = `${unique('new')}@test.local`;
		const invited = await inviteMember(
			admin,
			mine.slug,
			{ email, name: 'New Contact', role: 'viewer' },
			origin,
			'fr'
		);
		await changeMemberRole(admin, mine.slug, invited.userId!, { role: 'contact' });
		expect((await listMembers(admin, mine.slug)).find((p) => p.email === email)?.role).toBe(
			'contact'
		);

		const cross = await inviteMember(
			admin,
			theirs.slug,
			{ email: `${unique('x')}@test.local`, name: 'X', role: 'viewer' },
			origin,
			'fr'
		).catch((e) => e);
		expect(cross.status).toBe(404);

		const actions = (
			await getDb().select().from(auditLog).where(eq(auditLog.clientId, mine.id))
		).map((a) => a.action);
		expect(actions).toEqual(
			expect.arrayContaining(['membership.created', 'membership.role_changed'])
		);
	});

	it("refuses viewers and contacts (403), and someone already one of this client's people (409)", async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const contact = await createMember(mine.id, mine.slug, 'contact');
		const refused = await inviteMember(
			contact,
			mine.slug,
			{ email: `${unique('y')}@test.local`, name: 'Y', role: 'viewer' },
			origin,
			'fr'
		).catch((e) => e);
		expect(refused.status).toBe(403);
		const admin = await createMember(mine.id, mine.slug, 'admin');
		const again = await inviteMember(
			admin,
			mine.slug,
			{ email: contact.email, name: 'C', role: 'viewer' },
			origin,
			'fr'
		).catch((e) => e);
		expect(again.status).toBe(409);
		expect(again.message).toBe('Cette personne fait déjà partie de ce client.');
	});

	it("answers an invitation of another client's member or of staff like any other, stores nothing, and tells the person it cannot be accepted", async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const other = await createTenant(staff);
		const admin = await createMember(mine.id, mine.slug, 'admin');
		const elsewhere = await createMember(other.id, other.slug, 'viewer');
		const staffEmail = staff.actor.kind === 'staff' ? staff.actor.email : '';
		const free = `${unique('free')}@test.local`;
		const answers = [];
		for (const email of [free, elsewhere.email, staffEmail.toUpperCase()]) {
			answers.push(
				await inviteMember(admin, mine.slug, { email, name: 'Z', role: 'viewer' }, origin, 'fr')
			);
		}
		expect(answers.map((a) => a.email)).toEqual(
			[free, elsewhere.email, staffEmail].map((e) => e.toLowerCase())
		);
		expect((await listMembers(admin, mine.slug)).map((p) => p.email).sort()).toEqual(
			[admin.email, free].sort()
		);
		expect(
			(await listMembers(staff, other.slug)).find((p) => p.email === elsewhere.email)?.role
		).toBe('viewer');
		for (const email of [elsewhere.email, staffEmail]) {
			const mails = await getDb().select().from(outboxMail).where(eq(outboxMail.to, email));
			expect(mails).toHaveLength(1);
			expect(mails[0].text).toContain('une personne ne peut appartenir qu');
			expect(mails[0].text).not.toMatch(/https?:\/\//);
		}
		const audited = (
			await getDb().select().from(auditLog).where(eq(auditLog.clientId, mine.id))
		).filter((a) => a.action === 'membership.created');
		expect(audited).toHaveLength(1);
		// The staff console's own invitation path answers the same too.
		expect(
			(
				await inviteMember(
					staff,
					mine.slug,
					{ email: elsewhere.email, name: 'Z', role: 'viewer' },
					origin,
					'fr'
				)
			).email
		).toBe(elsewhere.email);
	});

	it('ends the sessions of a removed person at once', async () => {
		const staff = await createStaff();
		const mine = await createTenant(staff);
		const viewer = await createMember(mine.id, mine.slug, 'viewer');
		const { token } = await signIn({ email: viewer.email, password: viewer.password }, null);
		await removeMember(staff, mine.slug, viewer.actor.kind === 'member' ? viewer.actor.userId : '');
		expect(await validateSessionToken(token)).toBeNull();
	});

	it('re-invites an existing account with a sign-in link, never one that could replace its password', async () => {
		const staff = await createStaff();
		const first = await createTenant(staff);
		const second = await createTenant(staff);
		const person = await createMember(first.id, first.slug, 'viewer');
		await removeMember(
			staff,
			first.slug,
			person.actor.kind === 'member' ? person.actor.userId : ''
		);
		await inviteMember(
			staff,
			second.slug,
			{ email: person.email, name: 'Again', role: 'contact' },
			origin,
			'fr'
		);
		// In the order they were queued: unordered, an older mail can come back last.
		const mails = await getDb()
			.select()
			.from(outboxMail)
			.where(eq(outboxMail.to, person.email))
			.orderBy(asc(outboxMail.id));
		expect(mails.at(-1)?.text).toContain(`${origin}/login`);
		expect(mails.at(-1)?.text).not.toContain('/invite/');
		expect((await signIn({ email: person.email, password: person.password }, null)).landing).toBe(
			`/app/${second.slug}`
		);
	});
});
