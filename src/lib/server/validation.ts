import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { invalid } from './errors';

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const KEY_PATTERN = /^[a-z0-9][a-z0-9._-]{0,62}$/;

export const slugSchema = z.string().trim().toLowerCase().regex(SLUG_PATTERN);

export const keySchema = z.string().trim().regex(KEY_PATTERN);

const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2101, 0, 1);
/** Instants and dates outside 2000–2100 are typing mistakes, and some PostgreSQL cannot even store. */
const inSaneRange = (value: string) => {
	const t = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
	return t >= EARLIEST && t < LATEST;
};

/** An ISO 8601 instant with its offset, between 2000 and 2100. */
export const instantSchema = z.iso.datetime({ offset: true }).refine(inSaneRange);

/** The canonical form's shape: a 0 where a digit goes, its separators as they are. */
const CANONICAL_SHAPE = '0000-00-00T00:00:00.000Z';
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
	month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
		? 29
		: DAYS_IN_MONTH[month - 1];

/** The number the digits of `value` from `start` to `end` (excluded) spell. */
function digitsAt(value: string, start: number, end: number): number {
	let n = 0;
	for (let i = start; i < end; i++) n = n * 10 + value.charCodeAt(i) - 0x30;
	return n;
}

/**
 * The commonest form of an instant, as `toISOString` writes it, read without zod, a regular
 * expression or Date.parse (a sample batch has thousands): its time in ms where instantSchema
 * accepts the value as it is, NaN for anything else (which instantSchema then reads or refuses).
 */
export function canonicalInstant(value: string): number {
	if (value.length !== CANONICAL_SHAPE.length) return NaN;
	for (let i = 0; i < CANONICAL_SHAPE.length; i++) {
		const c = value.charCodeAt(i);
		const shape = CANONICAL_SHAPE.charCodeAt(i);
		if (shape === 0x30 ? c < 0x30 || c > 0x39 : c !== shape) return NaN;
	}
	const year = digitsAt(value, 0, 4);
	const month = digitsAt(value, 5, 7);
	const day = digitsAt(value, 8, 10);
	const hour = digitsAt(value, 11, 13);
	const minute = digitsAt(value, 14, 16);
	const second = digitsAt(value, 17, 19);
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
	if (hour > 23 || minute > 59 || second > 59) return NaN;
	const t = Date.UTC(year, month - 1, day, hour, minute, second, digitsAt(value, 20, 23));
	return t >= EARLIEST && t < LATEST ? t : NaN;
}

/** A calendar date (YYYY-MM-DD) between 2000 and 2100. */
export const isoDateSchema = z.iso.date().refine(inSaneRange);

/** Ids are UUIDs: anything else names nothing (404), and never reaches PostgreSQL's uuid type. */
export const isUuid = (value: string) => z.uuid().safeParse(value).success;

export const nameSchema = z.string().trim().min(1).max(120);

export const emailSchema = z.string().trim().toLowerCase().max(254).email();

export function isTimeZone(value: string): boolean {
	try {
		new Intl.DateTimeFormat('en', { timeZone: value });
		return true;
	} catch {
		return false;
	}
}

export const timezoneSchema = z
	.string()
	.trim()
	.refine(isTimeZone)
	.meta({ description: 'An IANA time zone; default Europe/Paris', examples: ['Europe/Paris'] });

/** Form checkboxes and JSON booleans alike. */
export const flagSchema = z.preprocess(
	(v) => (v === 'on' || v === 'true' ? true : v === 'false' || v === '' ? false : v),
	z.boolean()
);

/**
 * Parses or throws a 422 whose fields carry translated messages. `messages` names the
 * message for each field; anything else gets the generic one.
 */
export function parseInput<S extends z.ZodType>(
	schema: S,
	input: unknown,
	messages: Record<string, () => string> = {}
): z.infer<S> {
	const parsed = schema.safeParse(input);
	if (parsed.success) return parsed.data;
	const fields: Record<string, string> = {};
	for (const issue of parsed.error.issues) {
		const field = issue.path.length ? issue.path.map(String).join('.') : '_';
		const top = String(issue.path[0] ?? '_');
		fields[field] ??= (messages[field] ?? messages[top] ?? m.validation_invalid)();
	}
	throw invalid(m.form_has_errors(), fields);
}
