import { m } from '$lib/paraglide/messages';
import { intlLocale } from '$lib/intl';

type ExportStatus = 'queued' | 'running' | 'ready' | 'failed' | 'expired';

const STATUS_LABELS: Record<ExportStatus, () => string> = {
	queued: m.export_status_queued,
	running: m.export_status_running,
	ready: m.export_status_ready,
	failed: m.export_status_failed,
	expired: m.export_status_expired
};

export const exportStatusLabel = (status: ExportStatus) => STATUS_LABELS[status]();

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;

/** A file size in the reader's language, in the largest unit under 1,000 of it (decimal units). */
export function formatSize(bytes: number, locale: string): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < UNITS.length - 1) {
		value /= 1000;
		unit += 1;
	}
	return new Intl.NumberFormat(intlLocale(locale), {
		style: 'unit',
		unit: UNITS[unit],
		maximumFractionDigits: unit === 0 ? 0 : 1
	}).format(value);
}
