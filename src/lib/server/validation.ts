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

const CANONICAL_INSTANT = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.(\d{3})Z$/;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysIn = (year: number, month: number) =>
	month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
		? 29
		: DAYS_IN_MONTH[month - 1];

/**
 * The commonest form of an instant, as `toISOString` writes it, read without zod or Date.parse:
 * its time in ms where instantSchema accepts the value as it is, NaN for anything else (which
 * instantSchema then reads or refuses).
 */
export function canonicalInstant(value: string): number {
	const p = CANONICAL_INSTANT.exec(value);
	if (!p) return NaN;
	const year = +p[1];
	const month = +p[2];
	const day = +p[3];
	if (month < 1 || month > 12 || day < 1 || day > daysIn(year, month)) return NaN;
	if (+p[4] > 23 || +p[5] > 59 || +p[6] > 59) return NaN;
	const t = Date.UTC(year, month - 1, day, +p[4], +p[5], +p[6], +p[7]);
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
