import type { ApiScope, MembershipRole, StaffRole } from '../domain/roles';

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
	/** The request's User-Agent, recorded in the audit trail (where from: 004 art. 2). */
	userAgent?: string | null;
	/** Set per HTTP request (x-request-id); absent for system and background work. */
	requestId?: string;
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
