/**
 * A PostgreSQL array literal (`{"a","b",NULL,1.5}`). Sent as one text parameter and cast
 * (`$1::uuid[]`), a column of a batch costs PostgreSQL one array parse, where jsonb costs a parse
 * and a record per row. Strings are always quoted, so a value spelt `null` stays a string.
 * Written by one loop of appends: a sample batch's columns are thousands of elements each.
 */
export function pgArray(values: readonly (string | number | null | undefined)[]): string {
	let out = '{';
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (i > 0) out += ',';
		if (v === null || v === undefined) out += 'NULL';
		else if (typeof v === 'number') out += numberText(v);
		else out += `"${v.includes('"') || v.includes('\\') ? v.replace(/["\\]/g, '\\$&') : v}"`;
	}
	return out + '}';
}

/**
 * `String(v)`, three times faster for what metrics mostly are: integers, and positive numbers
 * with one decimal. `k / 10 === v` means the decimal written is the one `v` was read from, and
 * no shorter one reads back as `v`; anything else goes through String.
 */
export function numberText(v: number): string {
	if ((v | 0) === v) return String(v);
	const k = Math.round(v * 10);
	if (v > 0 && k < 0x7fffffff && k / 10 === v) {
		const whole = Math.trunc(v);
		return `${whole}.${k - whole * 10}`;
	}
	return String(v);
}
