import { and, asc, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { issueUserToken } from '../auth/user-tokens';
import { invalidateUserSessions, reconnectUserSockets } from '../auth/session';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb, type Executor } from '../db';
import { MEMBERSHIP_ROLES, STAFF_ROLES, membership, user, type Client } from '../db/schema';
import { conflict, notFound } from '../errors';
import { logFor } from '../log';
import { nudgeMailQueue, queueMail } from '../mail/mailer';
import { emailSchema, nameSchema, parseInput, isUuid } from '../validation';

export const inviteMemberSchema = z.object({
	email: emailSchema,
	name: nameSchema,
	role: z.enum(MEMBERSHIP_ROLES)
});
export const inviteStaffSchema = z.object({
	email: emailSchema,
	name: nameSchema,
	role: z.enum(STAFF_ROLES)
});
const roleSchema = z.object({ role: z.enum(MEMBERSHIP_ROLES) });

const messages = {
	email: () => m.validation_email(),
	name: () => m.validation_name(),
	role: () => m.validation_role()
};

/** Staff admins manage everyone; a client's own admins manage their client's people (000 §1.6: the client names and changes them). */
function requirePeopleManager(ctx: RequestContext, owner: Client) {
	authorize(ctx, 'people.manage', { clientId: owner.id });
}

export async function listMembers(ctx: RequestContext, slug: string) {
	const db = getDb();
	const owner = await getClientInScope(db, ctx, slug);
	return db
		.select({
			userId: user.id,
			email: user.email,
			name: user.name,
			role: membership.role,
			pending: sql<boolean>`${user.passwordHash} is null`,
			since: membership.createdAt
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(eq(membership.clientId, owner.id))
		.orderBy(asc(user.name));
}

async function findUser(tx: Executor, email: string) {
	const [row] = await tx
		.select()
		.from(user)
		.where(sql`lower(${user.email}) = ${email}`);
	return row;
}

interface InviteMailInput {
	to: string;
	name: string;
	inviter: string;
	place: string;
	link: string;
	locale: 'fr' | 'en';
	/** An existing account keeps its password: it gets a sign-in link, never a set-password one. */
	hasPassword?: boolean;
}

async function queueInvitation(tx: Executor, mail: InviteMailInput) {
	await queueMail(tx, {
		to: mail.to,
		subject: m.mail_invite_subject({ place: mail.place }, { locale: mail.locale }),
		text: (mail.hasPassword ? m.mail_added_body : m.mail_invite_body)(
			{ name: mail.name, inviter: mail.inviter, place: mail.place, link: mail.link },
			{ locale: mail.locale }
		)
	});
}

function inviterName(ctx: RequestContext) {
	return 'name' in ctx.actor ? ctx.actor.name : 'Portal';
}

/**
 * Invites a person to a client: a new account gets a single-use link to choose a password.
 * A person belongs to one client only (portal rule, for 000 §4 confidentiality), and staff are never client members.
 * An address already attached to another client, or a staff address, gets the same answer as a free one,
 * but nothing is stored and no mail goes out: the inviter must not learn that the account exists (only a
 * log line tells the provider). Only "already one of this client's people" is refused, which the inviter sees anyway.
 */
export async function inviteMember(
	ctx: RequestContext,
	slug: string,
	input: unknown,
	origin: string,
	locale: 'fr' | 'en'
) {
	const data = parseInput(inviteMemberSchema, input, messages);
	const result = await getDb().transaction(
		async (tx): Promise<{ userId: string | null; email: string }> => {
			const owner = await getClientInScope(tx, ctx, slug);
			requirePeopleManager(ctx, owner);
			let person = await findUser(tx, data.email);
			if (person) {
				const [existing] = await tx
					.select()
					.from(membership)
					.where(eq(membership.userId, person.id));
				if (existing?.clientId === owner.id)
					throw conflict(m.people_already_here(), { email: m.people_already_here() });
				if (person.staffRole || existing) {
					logFor(ctx).info(
						{ clientId: owner.id, userId: person.id },
						'invitation of an account attached elsewhere ignored'
					);
					return { userId: null, email: data.email };
				}
			} else {
				[person] = await tx.insert(user).values({ email: data.email, name: data.name }).returning();
			}
			await tx
				.insert(membership)
				.values({ userId: person.id, clientId: owner.id, role: data.role });
			// An existing account signed in without a client: its sockets rejoin as a member.
			await reconnectUserSockets(tx, person.id);
			const link = person.passwordHash
				? `${origin}/login`
				: `${origin}/invite/${await issueUserToken(tx, person.id, 'invitation')}`;
			await queueInvitation(tx, {
				to: person.email,
				name: person.name,
				inviter: inviterName(ctx),
				place: owner.name,
				link,
				locale: person.locale ?? locale,
				hasPassword: Boolean(person.passwordHash)
			});
			await recordAudit(tx, ctx, {
				action: 'membership.created',
				targetType: 'user',
				targetId: person.id,
				clientId: owner.id,
				after: { email: person.email, role: data.role }
			});
			return { userId: person.id, email: data.email };
		}
	);
	nudgeMailQueue();
	return result;
}

export async function changeMemberRole(
	ctx: RequestContext,
	slug: string,
	userId: string,
	input: unknown
) {
	const { role } = parseInput(roleSchema, input, messages);
	if (!isUuid(userId)) throw notFound();
	await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		requirePeopleManager(ctx, owner);
		const [before] = await tx
			.select()
			.from(membership)
			.where(and(eq(membership.userId, userId), eq(membership.clientId, owner.id)));
		if (!before) throw notFound();
		await tx.update(membership).set({ role }).where(eq(membership.userId, userId));
		await reconnectUserSockets(tx, userId);
		await recordAudit(tx, ctx, {
			action: 'membership.role_changed',
			targetType: 'user',
			targetId: userId,
			clientId: owner.id,
			before: { role: before.role },
			after: { role }
		});
	});
}

/** Removing someone also ends their sessions: their access stops now, not at expiry. */
export async function removeMember(ctx: RequestContext, slug: string, userId: string) {
	if (!isUuid(userId)) throw notFound();
	await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		requirePeopleManager(ctx, owner);
		const [before] = await tx
			.delete(membership)
			.where(and(eq(membership.userId, userId), eq(membership.clientId, owner.id)))
			.returning();
		if (!before) throw notFound();
		await invalidateUserSessions(tx, userId);
		await recordAudit(tx, ctx, {
			action: 'membership.removed',
			targetType: 'user',
			targetId: userId,
			clientId: owner.id,
			before: { role: before.role }
		});
	});
}

export async function listStaff(ctx: RequestContext) {
	authorize(ctx, 'staff.read');
	return getDb()
		.select({
			userId: user.id,
			email: user.email,
			name: user.name,
			role: user.staffRole,
			pending: sql<boolean>`${user.passwordHash} is null`
		})
		.from(user)
		.where(isNotNull(user.staffRole))
		.orderBy(asc(user.name));
}

export async function inviteStaff(
	ctx: RequestContext,
	input: unknown,
	origin: string,
	locale: 'fr' | 'en'
) {
	authorize(ctx, 'staff.manage');
	const data = parseInput(inviteStaffSchema, input, messages);
	await getDb().transaction(async (tx) => {
		if (await findUser(tx, data.email))
			throw conflict(m.people_already_member(), { email: m.people_already_member() });
		const [person] = await tx
			.insert(user)
			.values({ email: data.email, name: data.name, staffRole: data.role })
			.returning();
		const token = await issueUserToken(tx, person.id, 'invitation');
		await queueInvitation(tx, {
			to: person.email,
			name: person.name,
			inviter: inviterName(ctx),
			place: m.staff_console_place({}, { locale }),
			link: `${origin}/invite/${token}`,
			locale
		});
		await recordAudit(tx, ctx, {
			action: 'staff.invited',
			targetType: 'user',
			targetId: person.id,
			after: { email: person.email, role: data.role }
		});
	});
	nudgeMailQueue();
}
