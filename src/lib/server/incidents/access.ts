import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { forbidden, notFound, unauthenticated } from '../errors';
import type { IncidentSource } from '../db/schema';

/**
 * Who files (DOMAIN §1: "personnes habilitées"): the client's contacts and admins in the
 * portal, staff on the client's behalf (a phone call), admin tokens through the API.
 */
export function filingSource(ctx: RequestContext): IncidentSource {
	switch (ctx.actor.kind) {
		case 'member':
			if (ctx.actor.role === 'viewer') throw forbidden(m.incident_file_forbidden());
			return 'portal';
		case 'staff':
			return 'staff';
		case 'token':
			if (ctx.actor.scope !== 'admin') throw forbidden('This token lacks the admin scope');
			return 'api';
		case 'anonymous':
			throw unauthenticated();
		default:
			throw notFound();
	}
}

/** The provider's side of the workflow: staff in the console, admin tokens through the API. */
export function requireIncidentWorker(ctx: RequestContext): void {
	if (ctx.actor.kind === 'staff') return;
	if (ctx.actor.kind === 'token' && ctx.actor.scope === 'admin') return;
	if (ctx.actor.kind === 'token') throw forbidden('This token lacks the admin scope');
	if (ctx.actor.kind === 'member') throw forbidden();
	throw notFound();
}

/** The client's side: its contacts and admins confirm, reopen and comment. */
export function requireClientResponder(ctx: RequestContext): void {
	if (ctx.actor.kind === 'member' && ctx.actor.role !== 'viewer') return;
	if (ctx.actor.kind === 'staff') return;
	throw forbidden(m.incident_file_forbidden());
}

export function seesInternalNotes(ctx: RequestContext): boolean {
	return ctx.actor.kind === 'staff' || (ctx.actor.kind === 'token' && ctx.actor.scope !== 'ingest');
}
