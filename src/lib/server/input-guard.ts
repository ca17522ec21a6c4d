import type { FieldIssues } from './errors';

/** Deeper JSON than this is refused before any schema sees it (contract overrides are 4 deep). */
export const MAX_JSON_DEPTH = 32;

export type GuardIssue = 'nul' | 'depth';

/**
 * What no field may carry whatever its schema: a NUL character (PostgreSQL refuses it in
 * text) or nesting deeper than MAX_JSON_DEPTH. Answers the dotted path of each offender.
 */
export function guardIssues(value: unknown, path = '', depth = 0): Record<string, GuardIssue> {
	if (typeof value === 'string') return value.includes('\u0000') ? { [path || '_']: 'nul' } : {};
	if (value === null || typeof value !== 'object') return {};
	if (depth >= MAX_JSON_DEPTH) return { [path || '_']: 'depth' };
	const found: Record<string, GuardIssue> = {};
	const entries = Array.isArray(value) ? value.entries() : Object.entries(value);
	for (const [key, item] of entries) {
		const inner = guardIssues(item, path ? `${path}.${key}` : String(key), depth + 1);
		if (key === '__proto__') continue;
		Object.assign(found, inner);
		if (typeof key === 'string' && key.includes('\u0000')) found[path || '_'] = 'nul';
	}
	return found;
}

/** The same check over a posted form's fields. */
export function formGuardIssues(data: FormData): Record<string, GuardIssue> {
	const found: Record<string, GuardIssue> = {};
	for (const [name, value] of data) {
		if (typeof value === 'string' && (value.includes('\u0000') || name.includes('\u0000')))
			found[name] = 'nul';
	}
	return found;
}

export function guardMessages(
	issues: Record<string, GuardIssue>,
	text: (issue: GuardIssue) => string
): FieldIssues {
	return Object.fromEntries(Object.entries(issues).map(([field, issue]) => [field, text(issue)]));
}
