import { json, type RequestEvent } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { badRequest, invalid, tooLarge, unauthenticated } from '../errors';
import { guardIssues, guardMessages, type GuardIssue } from '../input-guard';
import { apiError } from '../http';
import type { RequestContext } from '../context';

interface ApiCall {
	ctx: RequestContext;
	params: Record<string, string>;
	url: URL;
	body: () => Promise<unknown>;
}

/** Every /api/v1 route: authenticated caller, JSON in and out, errors in one shape. */
export function apiRoute(run: (call: ApiCall) => Promise<Response | unknown>) {
	return async (event: RequestEvent) => {
		try {
			if (event.locals.ctx.actor.kind === 'anonymous') throw unauthenticated(m.api_auth_required());
			refuseUnsafe({ ...event.params, ...Object.fromEntries(event.url.searchParams) });
			const result = await run({
				ctx: event.locals.ctx,
				params: event.params as Record<string, string>,
				url: event.url,
				body: () => readJson(event.request)
			});
			return result instanceof Response ? result : json(result);
		} catch (e) {
			return apiError(e, event.locals.log);
		}
	};
}

async function readJson(request: Request): Promise<unknown> {
	const type = request.headers.get('content-type') ?? '';
	if (!type.includes('application/json')) throw badRequest(m.api_json_expected());
	let body: unknown;
	try {
		body = await request.json();
	} catch (e) {
		// SvelteKit stops reading a body over BODY_SIZE_LIMIT with a 413 error.
		if ((e as { status?: number }).status === 413) throw tooLarge(m.api_body_too_large());
		throw badRequest(m.api_json_malformed());
	}
	refuseUnsafe(body);
	return body;
}

const guardText = (issue: GuardIssue) =>
	issue === 'nul' ? m.validation_nul() : m.validation_too_deep();

/** Path segments, query parameters and bodies alike: a value PostgreSQL cannot store is a 422, never a 500. */
function refuseUnsafe(value: unknown): void {
	const issues = guardIssues(value);
	if (Object.keys(issues).length > 0)
		throw invalid(m.form_has_errors(), guardMessages(issues, guardText));
}

export const created = (body: unknown) => json(body, { status: 201 });
