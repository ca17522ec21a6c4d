import { and, asc, eq, gt, isNotNull, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { issueUserToken, revokeUserTokens } from '../auth/user-tokens';
import { invalidateUserSessions, reconnectUserSockets } from '../auth/session';
import { getClientInScope } from '../clients/scope';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb, type Executor } from '../db';
import {
	MEMBERSHIP_ROLES,
	STAFF_ROLES,
	membership,
	user,
	userToken,
	type Client,
	type Membership,
	type MembershipChangeReason
} from '../db/schema';
import { conflict, notFound } from '../errors';
import { appendEvent } from '../live/outbox';
import { logFor } from '../log';
import { nudgeMailQueue, queueMail } from '../mail/mailer';
import { emailSchema, nameSchema, parseInput, isUuid } from '../validation';
import { closeMembershipPeriod, openMembershipPeriod } from './history';
import { isDemotion, leavesClientWithoutAdmin } from './rules';

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
			since: membership.createdAt,
			invitationExpiresAt: sql<Date | null>`(${db
				.select({ at: sql`max(${userToken.expiresAt})` })
				.from(userToken)
				.where(
					and(
						eq(userToken.userId, user.id),
						eq(userToken.purpose, 'invitation'),
						isNull(userToken.usedAt),
						gt(userToken.expiresAt, sql`now()`)
					)
				)})`.mapWith((v) => (v ? new Date(v as string) : null))
		})
		.from(membership)
		.innerJoin(user, eq(user.id, membership.userId))
		.where(eq(membership.clientId, owner.id))
		.orderBy(asc(user.name));
}

/** Tells the client's open pages (and staff) that the list changed. */
async function announce(tx: Executor, owner: Client) {
	await appendEvent(tx, {
		clientId: owner.id,
		kind: 'people.changed',
		payload: { clientSlug: owner.slug }
	});
}

/** The target's membership of this client, its admins locked so that two admins cannot both step down. */
async function lockedMembership(tx: Executor, owner: Client, userId: string) {
	const admins = await tx
		.select({ userId: membership.userId })
		.from(membership)
		.where(and(eq(membership.clientId, owner.id), eq(membership.role, 'admin')))
		.for('update');
	const [target] = await tx
		.select()
		.from(membership)
		.where(and(eq(membership.userId, userId), eq(membership.clientId, owner.id)))
		.for('update');
	if (!target) throw notFound();
	return { target, admins: admins.length };
}

function refuseLastAdmin(
	ctx: RequestContext,
	target: Membership,
	to: Membership['role'] | null,
	admins: number
) {
	const self = ctx.actor.kind === 'member' && ctx.actor.userId === target.userId;
	if (leavesClientWithoutAdmin({ self, from: target.role, to, admins }))
		throw conflict(m.people_last_admin());
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
	/** The client invited to; none for the staff console. */
	clientId?: string;
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
		clientId: mail.clientId,
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
 * An address already attached to another client, or a staff address, gets the same answer as a free one:
 * the inviter must not learn that the account exists. Nothing is stored; the person gets the invitation
 * with word that their account cannot join (a log line tells the provider). Only "already one of this
 * client's people" is refused, which the inviter sees anyway.
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
						'invitation of an account attached elsewhere: the person is told it cannot be accepted'
					);
					const lang = person.locale ?? locale;
					await queueMail(tx, {
						to: person.email,
						clientId: owner.id,
						subject: m.mail_invite_subject({ place: owner.name }, { locale: lang }),
						text: m.mail_invite_elsewhere_body(
							{ name: person.name, inviter: inviterName(ctx), place: owner.name },
							{ locale: lang }
						)
					});
					return { userId: null, email: data.email };
				}
			} else {
				[person] = await tx.insert(user).values({ email: data.email, name: data.name }).returning();
			}
			await tx
				.insert(membership)
				.values({ userId: person.id, clientId: owner.id, role: data.role });
			await openMembershipPeriod(tx, ctx, {
				clientId: owner.id,
				userId: person.id,
				email: person.email,
				name: person.name,
				role: data.role,
				reason: 'invited'
			});
			await announce(tx, owner);
			// An existing account signed in without a client: its sockets rejoin as a member.
			await reconnectUserSockets(tx, person.id);
			const link = person.passwordHash
				? `${origin}/login`
				: `${origin}/invite/${await issueUserToken(tx, person.id, 'invitation')}`;
			await queueInvitation(tx, {
				to: person.email,
				clientId: owner.id,
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
		const { target: before, admins } = await lockedMembership(tx, owner, userId);
		if (before.role === role) return;
		refuseLastAdmin(ctx, before, role, admins);
		await tx.update(membership).set({ role }).where(eq(membership.userId, userId));
		const [person] = await tx.select().from(user).where(eq(user.id, userId));
		// One instant ends the old role and starts the new one: the list has no gap and no overlap.
		const at = new Date();
		await closeMembershipPeriod(tx, ctx, owner.id, userId, 'role_changed', at);
		await openMembershipPeriod(tx, ctx, {
			clientId: owner.id,
			userId,
			email: person.email,
			name: person.name,
			role,
			reason: 'role_changed',
			at
		});
		// Rights taken away stop now; rights added only need the sockets to rejoin their rooms.
		if (isDemotion(before.role, role)) await invalidateUserSessions(tx, userId);
		else await reconnectUserSockets(tx, userId);
		await recordAudit(tx, ctx, {
			action: 'membership.role_changed',
			targetType: 'user',
			targetId: userId,
			clientId: owner.id,
			before: { role: before.role },
			after: { role }
		});
		await announce(tx, owner);
	});
}

/** Removing someone also ends their sessions: their access stops now, not at expiry. */
export async function removeMember(ctx: RequestContext, slug: string, userId: string) {
	await endMembership(ctx, slug, userId, 'removed');
}

/** An invitation not yet accepted is withdrawn: its link stops working and the person leaves the list. */
export async function revokeInvitation(ctx: RequestContext, slug: string, userId: string) {
	await endMembership(ctx, slug, userId, 'revoked');
}

async function endMembership(
	ctx: RequestContext,
	slug: string,
	userId: string,
	reason: Extract<MembershipChangeReason, 'removed' | 'revoked'>
) {
	if (!isUuid(userId)) throw notFound();
	await getDb().transaction(async (tx) => {
		const owner = await getClientInScope(tx, ctx, slug);
		requirePeopleManager(ctx, owner);
		const { target: before, admins } = await lockedMembership(tx, owner, userId);
		if (reason === 'revoked') {
			const [person] = await tx.select().from(user).where(eq(user.id, userId));
			if (person.passwordHash) throw conflict(m.people_not_pending());
			await revokeUserTokens(tx, userId, 'invitation');
		}
		refuseLastAdmin(ctx, before, null, admins);
		await tx.delete(membership).where(eq(membership.userId, userId));
		await closeMembershipPeriod(tx, ctx, owner.id, userId, reason);
		await invalidateUserSessions(tx, userId);
		await recordAudit(tx, ctx, {
			action: reason === 'revoked' ? 'membership.invitation_revoked' : 'membership.removed',
			targetType: 'user',
			targetId: userId,
			clientId: owner.id,
			before: { role: before.role }
		});
		await announce(tx, owner);
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
