import { error, fail, json, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { ThrottledError } from './auth/account';
import { fieldIssues, ServiceError } from './errors';
import { log as rootLog, type Logger } from './log';

export interface FormFailure {
	message: string;
	fields: Record<string, string>;
	values: Record<string, string>;
}

/** Form values echoed back so the form refills; passwords never are. */
export function formValues(data: FormData): Record<string, string> {
	const values: Record<string, string> = {};
	for (const [k, v] of data) {
		if (typeof v === 'string' && !/password|confirm|token/i.test(k)) values[k] = v;
	}
	return values;
}

/** The one place a domain error becomes a form failure; anything unexpected is rethrown (500, no leak). */
export function actionFailure(error: unknown, data: FormData): ActionFailure<FormFailure> {
	if (error instanceof ServiceError) {
		const status = error.status === 401 ? 403 : error.status;
		return fail(status, {
			message: error.message,
			fields: fieldIssues(error),
			values: formValues(data)
		});
	}
	throw error;
}

export function apiErrorBody(code: string, message: string, details?: unknown) {
	return { error: details === undefined ? { code, message } : { code, message, details } };
}

const API_ERROR_CODES = [
	'bad_request',
	'invalid',
	'unauthenticated',
	'forbidden',
	'not_found',
	'conflict',
	'too_large',
	'throttled',
	'internal'
] as const satisfies readonly (ServiceError['code'] | 'internal')[];

const fieldMessages = z
	.record(z.string(), z.string())
	.meta({ description: 'Each invalid field (dotted path) with its message' });

/** What apiErrorBody produces, for the OpenAPI document (`api/openapi.ts`). */
export const apiErrorSchema = z.strictObject({
	error: z.strictObject({
		code: z.enum(API_ERROR_CODES),
		message: z.string().meta({ description: 'Safe to show; in the caller’s language' }),
		details: z
			.union([
				z.strictObject({ fields: fieldMessages }),
				z.strictObject({
					fields: fieldMessages,
					running: z.looseObject({ id: z.uuid() }).meta({
						description: 'A second export asked while one runs (409): that one, as Export'
					})
				}),
				z.strictObject({
					items: z
						.array(z.strictObject({ index: z.number().int().min(0), fields: fieldMessages }))
						.meta({ description: 'A refused sample batch: every failing index (first 100)' })
				})
			])
			.optional()
	})
});

/** The one place a domain error becomes a JSON API error; `log` is the request's logger. */
export function apiError(error: unknown, log: Logger = rootLog): Response {
	if (error instanceof ServiceError) {
		const headers: Record<string, string> = {};
		if (error instanceof ThrottledError) headers['retry-after'] = String(error.retryAfter);
		return json(apiErrorBody(error.code, error.message, error.details), {
			status: error.status,
			headers
		});
	}
	log.error({ err: error }, 'api: unexpected error');
	return json(apiErrorBody('internal', m.error_internal()), { status: 500 });
}

/** Loads call services too: their domain errors become the matching error page, never a 500. */
export async function loadOrError<T>(run: () => Promise<T> | T): Promise<T> {
	try {
		return await run();
	} catch (e) {
		if (e instanceof ServiceError)
			error(e.status === 401 ? 404 : e.status, e.status === 404 ? m.error_not_found() : e.message);
		throw e;
	}
}
