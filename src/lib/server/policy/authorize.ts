import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { forbidden, notFound, unauthenticated } from '../errors';
import { ACTIONS, allows, POLICY, type Action, type Principal } from './table';

export { ACTIONS, POLICY, type Action, type Principal } from './table';

/** The principal an actor acts as; `null` for anonymous visitors and accounts without a client. */
export function principalOf(ctx: RequestContext): Principal | null {
	const { actor } = ctx;
	switch (actor.kind) {
		case 'staff':
			return `staff.${actor.role}`;
		case 'member':
			return `member.${actor.role}`;
		case 'token':
			return `token.${actor.scope}`;
		default:
			return null;
	}
}

/** The client a resource belongs to: a member acting on another client's resource finds nothing. */
export interface ResourceScope {
	clientId: string;
}

/** Said to a member whose role falls short, where the product has a sentence for it. */
const refusals: Partial<Record<Action, () => string>> = {
	'incident.file': () => m.incident_file_forbidden(),
	'incident.respond': () => m.incident_file_forbidden(),
	'credit.request': () => m.sla_credit_forbidden(),
	'people.manage': () => m.people_admin_only(),
	'samples.ingest': () => m.samples_scope(),
	'audit.read.client': () => m.audit_admin_only(),
	'restore.request': () => m.restore_request_forbidden(),
	'restore.decide': () => m.restore_request_forbidden()
};

function outOfScope(ctx: RequestContext, scope: ResourceScope | undefined): boolean {
	return (
		ctx.actor.kind === 'member' && scope !== undefined && ctx.actor.clientId !== scope.clientId
	);
}

export function can(ctx: RequestContext, action: Action, scope?: ResourceScope): boolean {
	const principal = principalOf(ctx);
	return principal !== null && allows(action, principal) && !outOfScope(ctx, scope);
}

/**
 * The one permission check. Another client's resource is a 404 (its existence is not told);
 * anonymous callers are asked to sign in; a role or scope that falls short is a 403, except
 * members on provider-only places, which do not exist for them (404).
 */
export function authorize(ctx: RequestContext, action: Action, scope?: ResourceScope): void {
	if (outOfScope(ctx, scope)) throw notFound();
	const principal = principalOf(ctx);
	if (principal && allows(action, principal)) return;
	const { actor } = ctx;
	if (actor.kind === 'anonymous') throw unauthenticated();
	if (actor.kind === 'token') throw forbidden(`This token's scope does not allow ${action}`);
	if (actor.kind === 'member') {
		if (POLICY[action].members === 'hidden') throw notFound();
		throw forbidden(refusals[action]?.() ?? m.error_forbidden());
	}
	if (actor.kind === 'staff') throw forbidden(refusals[action]?.() ?? m.error_forbidden());
	throw notFound();
}

/** Every action's flag for this actor: what page loads hand to their components. */
export function permissionsOf(ctx: RequestContext, scope?: ResourceScope): Record<Action, boolean> {
	return Object.fromEntries(ACTIONS.map((a) => [a, can(ctx, a, scope)])) as Record<Action, boolean>;
}

export type Permissions = ReturnType<typeof permissionsOf>;
