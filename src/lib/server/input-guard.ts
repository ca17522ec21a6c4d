import type { FieldIssues } from './errors';

/** Deeper JSON than this is refused before any schema sees it (contract overrides are 4 deep). */
export const MAX_JSON_DEPTH = 32;

export type GuardIssue = 'nul' | 'depth';

/**
 * What no field may carry whatever its schema: a NUL character (PostgreSQL refuses it in
 * text) or nesting deeper than MAX_JSON_DEPTH. Answers the dotted path of each offender.
 */
export function guardIssues(value: unknown, path = '', depth = 0): Record<string, GuardIssue> {
	if (depth === 0 && !mayHaveIssue(value, 0)) return {};
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

/**
 * The walk without paths, for the common body that has no issue (a sample batch is thousands of
 * values): false only where guardIssues finds nothing. It looks at every key `for…in` sees, a
 * superset of the entries guardIssues reads.
 */
function mayHaveIssue(value: unknown, depth: number): boolean {
	if (typeof value === 'string') return value.includes('\u0000');
	if (value === null || typeof value !== 'object') return false;
	if (depth >= MAX_JSON_DEPTH) return true;
	if (Array.isArray(value)) {
		for (const item of value) if (mayHaveIssue(item, depth + 1)) return true;
		return false;
	}
	const record = value as Record<string, unknown>;
	for (const key in record)
		if (key.includes('\u0000') || mayHaveIssue(record[key], depth + 1)) return true;
	return false;
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
