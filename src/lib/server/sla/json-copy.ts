/**
 * What `JSON.parse(JSON.stringify(value))` gives, without the text in between: a month's SLA
 * report is megabytes of it, a string allocated straight into V8's old generation. For data as
 * the engine writes it: objects, arrays, strings, numbers, booleans, null, undefined and Dates
 * (any `toJSON`).
 */
export function jsonCopy(value: unknown, key: string | number = ''): unknown {
	if (typeof value === 'object' && value !== null && 'toJSON' in value) {
		const toJSON = (value as { toJSON: unknown }).toJSON;
		if (typeof toJSON === 'function') return jsonCopy(toJSON.call(value, String(key)), key);
	}
	switch (typeof value) {
		case 'string':
		case 'boolean':
			return value;
		case 'number':
			// JSON has no NaN nor Infinity (null), and writes -0 as 0.
			return Number.isFinite(value) ? value + 0 : null;
		case 'bigint':
			throw new TypeError('Do not know how to serialize a BigInt');
		case 'object':
			if (value === null) return null;
			if (Array.isArray(value)) return Array.from(value, (v, i) => jsonCopy(v, i) ?? null);
			return copyObject(value as Record<string, unknown>);
		default:
			// undefined, functions and symbols: left out of objects, null in arrays.
			return undefined;
	}
}

function copyObject(value: Record<string, unknown>): Record<string, unknown> {
	const copy: Record<string, unknown> = {};
	// for…in and an own-member check: the keys JSON.stringify takes, in its order, without an array.
	for (const key in value) {
		if (!Object.hasOwn(value, key)) continue;
		const member = jsonCopy(value[key], key);
		if (member === undefined) continue;
		// JSON.parse makes "__proto__" an own member, where an assignment would set the prototype.
		if (key === '__proto__')
			Object.defineProperty(copy, key, {
				value: member,
				enumerable: true,
				writable: true,
				configurable: true
			});
		else copy[key] = member;
	}
	return copy;
}
