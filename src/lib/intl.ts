/**
 * Intl formatters are costly to build (tens of microseconds each) and pages format hundreds
 * of values per render: each (locale, options) pair is built once. A caller that passes the
 * same options object each time (a module constant) is found by identity, without building a
 * key; options written inline are found by a key of their entries.
 */
/** The Intl locale of a portal language. */
export const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'fr-FR');

class FormatCache<O extends object, F> {
	readonly #byObject = new WeakMap<O, Map<string, F>>();
	readonly #byKey = new Map<string, F>();

	constructor(private readonly build: (locale: string, options: O) => F) {}

	get(locale: string, options: O): F {
		let perLocale = this.#byObject.get(options);
		const known = perLocale?.get(locale);
		if (known) return known;
		let key = locale;
		for (const name in options) key += `|${name}=${String(options[name])}`;
		let format = this.#byKey.get(key);
		if (!format) this.#byKey.set(key, (format = this.build(locale, options)));
		if (!perLocale) this.#byObject.set(options, (perLocale = new Map()));
		perLocale.set(locale, format);
		return format;
	}
}

const dateFormats = new FormatCache<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>(
	(locale, options) => new Intl.DateTimeFormat(locale, options)
);
const numberFormats = new FormatCache<Intl.NumberFormatOptions, Intl.NumberFormat>(
	(locale, options) => new Intl.NumberFormat(locale, options)
);

export function dateTimeFormat(
	locale: string,
	options: Intl.DateTimeFormatOptions
): Intl.DateTimeFormat {
	return dateFormats.get(locale, options);
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
	return numberFormats.get(locale, options);
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];
const UNITS_FR = ['o', 'ko', 'Mo', 'Go', 'To'];
const WHOLE = { maximumFractionDigits: 0 };
const ONE_DECIMAL = { maximumFractionDigits: 1 };

/** Decimal units (kB = 1,000 bytes), as the backup agents report them. */
export function formatBytes(bytes: number, locale: string): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit++;
	}
	const n = numberFormat(intlLocale(locale), unit === 0 ? WHOLE : ONE_DECIMAL);
	return `${n.format(value)} ${(locale === 'en' ? UNITS : UNITS_FR)[unit]}`;
}
