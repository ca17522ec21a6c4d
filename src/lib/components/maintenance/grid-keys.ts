/**
 * Where the focus of the month grid goes for a key (WAI-ARIA grid pattern, as in its date-picker
 * example): arrows by a day or a week, Home/End to the week's Monday/Sunday, PageUp/PageDown by a
 * month (the same day, or the month's last when it has fewer days). Dates are YYYY-MM-DD.
 */
const DAY_MS = 86_400_000;

const addDays = (date: string, days: number) =>
	new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** 0 = Monday … 6 = Sunday. */
const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;

function addMonths(date: string, months: number): string {
	const [y, m, d] = date.split('-').map(Number);
	const index = y * 12 + (m - 1) + months;
	const year = Math.floor(index / 12);
	const month = index % 12;
	const length = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
	return new Date(Date.UTC(year, month, Math.min(d, length))).toISOString().slice(0, 10);
}

export function gridKeyTarget(date: string, key: string): string | null {
	switch (key) {
		case 'ArrowLeft':
			return addDays(date, -1);
		case 'ArrowRight':
			return addDays(date, 1);
		case 'ArrowUp':
			return addDays(date, -7);
		case 'ArrowDown':
			return addDays(date, 7);
		case 'Home':
			return addDays(date, -weekday(date));
		case 'End':
			return addDays(date, 6 - weekday(date));
		case 'PageUp':
			return addMonths(date, -1);
		case 'PageDown':
			return addMonths(date, 1);
		default:
			return null;
	}
}
