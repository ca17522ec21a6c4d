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
