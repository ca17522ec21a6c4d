import { wallClockToIso } from '../calendar/dates';

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
