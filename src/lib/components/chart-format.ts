import { intlLocale } from '$lib/intl';

/** Tooltip and value formatters for a chart spanning `spanMs`, times on the wall clock of `timeZone`. */
export function chartFormatters(locale: string, spanMs: number, timeZone: string) {
	const tag = intlLocale(locale);
	const time = new Intl.DateTimeFormat(
		tag,
		spanMs <= 86_400_000
			? { hour: '2-digit', minute: '2-digit', timeZone }
			: { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone }
	);
	const number = new Intl.NumberFormat(tag, { maximumFractionDigits: 1 });
	const units = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
	return {
		time: (ms: number) => time.format(new Date(ms)),
		percent: (v: number) => `${number.format(v)} %`,
		ms: (v: number) => `${number.format(v)} ms`,
		plain: (v: number) => number.format(v),
		bps: (v: number) => {
			let unit = 0;
			while (v >= 1000 && unit < units.length - 1) {
				v /= 1000;
				unit++;
			}
			return `${number.format(v)} ${units[unit]}`;
		}
	};
}
