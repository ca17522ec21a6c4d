/**
 * Intl formatters are costly to build (tens of microseconds each) and pages format hundreds
 * of values per render: each (locale, options) pair is built once.
 */
/** The Intl locale of a portal language. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'fr-FR');

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();

export function dateTimeFormat(
	locale: string,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	const key = locale + JSON.stringify(options);
	let format = dateFormats.get(key);
	if (!format) dateFormats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
	return format;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	const key = locale + JSON.stringify(options);
	let format = numberFormats.get(key);
	if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, options)));
	return format;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];
const UNITS_FR = ['o', 'ko', 'Mo', 'Go', 'To'];

/** Decimal units (kB = 1,000 bytes), as the backup agents report them. */
export function formatBytes(bytes: number, locale: string): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const n = numberFormat(intlLocale(locale), { maximumFractionDigits: unit === 0 ? 0 : 1 });
	return `${n.format(value)} ${(locale === 'en' ? UNITS : UNITS_FR)[unit]}`;
}
