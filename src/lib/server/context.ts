import type { ApiScope, MembershipRole, StaffRole } from './db/schema';
import { forbidden, notFound, unauthenticated } from './errors';

export type Actor =
	| { kind: 'anonymous' }
	| { kind: 'staff'; userId: string; email: string; name: string; role: StaffRole }
	| {
			kind: 'member';
			userId: string;
			email: string;
			name: string;
			clientId: string;
			clientSlug: string;
			role: MembershipRole;
	  }
	| { kind: 'user'; userId: string; email: string; name: string }
	| { kind: 'token'; tokenId: string; scope: ApiScope };

/** Built once per request in hooks.server.ts; every domain service takes it. */
export interface RequestContext {
	actor: Actor;
	ip: string | null;
}

export type StaffActor = Extract<Actor, { kind: 'staff' }>;

export function isStaff(ctx: RequestContext): boolean {
	return ctx.actor.kind === 'staff';
}

/** Staff pages do not exist for anyone else (404); an operator on an admin-only action is refused (403). */
export function requireStaff(ctx: RequestContext, role?: StaffRole): StaffActor {
	if (ctx.actor.kind === 'anonymous') throw unauthenticated();
	if (ctx.actor.kind !== 'staff') throw notFound();
	if (role === 'admin' && ctx.actor.role !== 'admin') throw forbidden();
	return ctx.actor;
}

/** Provider-wide writes: staff admins and admin-scoped tokens. */
export function requireProviderAdmin(ctx: RequestContext): void {
	if (ctx.actor.kind === 'token') {
		if (ctx.actor.scope !== 'admin') throw forbidden('This token lacks the admin scope');
		return;
	}
	requireStaff(ctx, 'admin');
}

/** Provider records on a client (components, maintenance, qualifications): any staff member, admin tokens. */
export function requireStaffOrAdminToken(ctx: RequestContext): void {
	if (ctx.actor.kind === 'token') {
		if (ctx.actor.scope !== 'admin') throw forbidden('This token lacks the admin scope');
		return;
	}
	requireStaff(ctx);
}

/** Provider-wide reads: staff and read/admin tokens. */
export function requireProviderRead(ctx: RequestContext): void {
	if (ctx.actor.kind === 'token') {
		if (ctx.actor.scope === 'ingest') throw forbidden('This token lacks the read scope');
		return;
	}
	requireStaff(ctx);
}

/** The only client a member may ever see; `undefined` means the actor sees every client. */
export function memberClientId(ctx: RequestContext): string | undefined | null {
	switch (ctx.actor.kind) {
		case 'member':
			return ctx.actor.clientId;
		case 'staff':
			return undefined;
		case 'token':
			return undefined;
		default:
			return null;
	}
}

export function actorUserId(ctx: RequestContext): string | null {
	return 'userId' in ctx.actor ? ctx.actor.userId : null;
}

export function actorTokenId(ctx: RequestContext): string | null {
	return ctx.actor.kind === 'token' ? ctx.actor.tokenId : null;
}

export const systemContext: RequestContext = { actor: { kind: 'anonymous' }, ip: null };
