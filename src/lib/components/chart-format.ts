import { dateTimeFormat, intlLocale, numberFormat } from '$lib/intl';

const DAY_MS = 86_400_000;
const ONE_DECIMAL = { maximumFractionDigits: 1 };
const UNITS = ['B/s', 'kB/s', 'MB/s', 'GB/s'];

export type ChartFormatters = ReturnType<typeof buildFormatters>;

function buildFormatters(locale: string, withDate: boolean, timeZone: string) {
	const tag = intlLocale(locale);
	const time = dateTimeFormat(
		tag,
		withDate
			? { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone }
			: { hour: '2-digit', minute: '2-digit', timeZone }
	);
	const number = numberFormat(tag, ONE_DECIMAL);
	return {
		time: (ms: number) => time.format(new Date(ms)),
		percent: (v: number) => `${number.format(v)} %`,
		ms: (v: number) => `${number.format(v)} ms`,
		plain: (v: number) => number.format(v),
		bps: (v: number) => {
			let unit = 0;
			while (v >= 1000 && unit < UNITS.length - 1) {
				v /= 1000;
				unit++;
			}
			return `${number.format(v)} ${UNITS[unit]}`;
		}
	};
}

const built = new Map<string, ChartFormatters>();

/** Tooltip and value formatters for a chart spanning `spanMs`, times on the wall clock of `timeZone`; built once per kind. */
export function chartFormatters(locale: string, spanMs: number, timeZone: string): ChartFormatters {
	const withDate = spanMs > DAY_MS;
	const key = `${locale}|${withDate}|${timeZone}`;
	let formatters = built.get(key);
	if (!formatters) built.set(key, (formatters = buildFormatters(locale, withDate, timeZone)));
	return formatters;
}
