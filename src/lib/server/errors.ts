/** The one error family of the domain layer; routes map it to HTTP once (see server/http.ts). */
export class ServiceError extends Error {
	constructor(
		readonly code:
			| 'bad_request'
			| 'invalid'
			| 'unauthenticated'
			| 'forbidden'
			| 'not_found'
			| 'conflict'
			| 'too_large'
			| 'throttled',
		readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429,
		message: string,
		readonly details?: unknown
	) {
		super(message);
	}
}

export type FieldIssues = Record<string, string>;

/** `message` is an i18n key's output or a safe text, never an internal cause. */
export const invalid = (message: string, fields: FieldIssues = {}) =>
	new ServiceError('invalid', 422, message, { fields });
export const badRequest = (message: string) => new ServiceError('bad_request', 400, message);
export const tooLarge = (message: string) => new ServiceError('too_large', 413, message);
export const notFound = (message = 'Not found') => new ServiceError('not_found', 404, message);
export const forbidden = (message = 'Forbidden') => new ServiceError('forbidden', 403, message);
export const conflict = (message: string, fields: FieldIssues = {}) =>
	new ServiceError('conflict', 409, message, { fields });
export const unauthenticated = (message = 'Authentication required') =>
	new ServiceError('unauthenticated', 401, message);

export function fieldIssues(error: unknown): FieldIssues {
	if (error instanceof ServiceError && error.details && typeof error.details === 'object') {
		const fields = (error.details as { fields?: FieldIssues }).fields;
		if (fields) return fields;
	}
	return {};
}

/** Unique-key violations become a 409 instead of a 500. */
export function isUniqueViolation(error: unknown): boolean {
	let e: unknown = error;
	for (let depth = 0; e && depth < 3; depth++) {
		if (typeof e === 'object' && (e as { code?: string }).code === '23505') return true;
		e = (e as { cause?: unknown }).cause;
	}
	return false;
}
