import { CONTRACT_TIME_ZONE } from '../contracts/schedule';
import { dateOfDay, dayOfDate, zonedInstant } from '../calendar/zoned';

const LOCAL_DATETIME = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A `datetime-local` value read on the contract's wall clock (Europe/Paris) as an ISO instant;
 * anything else is passed through for the service's validation to refuse.
 */
export function wallClockToIso(value: string, timeZone = CONTRACT_TIME_ZONE): string {
	const match = LOCAL_DATETIME.exec(value);
	if (!match) return value;
	const date = match[1];
	const [h, min, s] = [match[2], match[3], match[4] ?? '0'].map(Number);
	// Date.parse rolls 30 February over to March: a real date reads back unchanged.
	if (Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || dateOfDay(dayOfDate(date)) !== date || h > 23 || min > 59 || s > 59) return value;
	return new Date(zonedInstant(dayOfDate(date), ((h * 60 + min) * 60 + s) * 1000, timeZone)).toISOString();
}

/** The filing form's fields as `fileIncident` takes them; an empty report time means now. */
export function fileInputFromForm(data: FormData) {
	const reportedAt = String(data.get('reportedAt') ?? '').trim();
	return {
		severity: data.get('severity') ?? undefined,
		components: data.getAll('components').map(String),
		title: String(data.get('title') ?? ''),
		description: String(data.get('description') ?? ''),
		reportedAt: reportedAt ? wallClockToIso(reportedAt) : undefined
	};
}
