/**
 * A PostgreSQL array literal (`{"a","b",NULL,1.5}`). Sent as one text parameter and cast
 * (`$1::uuid[]`), a column of a batch costs PostgreSQL one array parse, where jsonb costs a parse
 * and a record per row. Strings are always quoted, so a value spelt `null` stays a string.
 */
export function pgArray(values: readonly (string | number | null | undefined)[]): string {
	return `{${values.map(element).join(',')}}`;
}

function element(v: string | number | null | undefined): string {
	if (v === null || v === undefined) return 'NULL';
	if (typeof v === 'number') return String(v);
	return `"${v.includes('"') || v.includes('\\') ? v.replace(/["\\]/g, '\\$&') : v}"`;
}
