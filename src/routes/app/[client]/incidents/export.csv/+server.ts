import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import {
	causeLabel,
	deadlineStateLabel,
	incidentStatusLabel,
	qualificationLabel,
	severityLabel,
	sourceLabel
} from '$lib/incident-labels';
import { loadOrError } from '$lib/server/http';
import { registerRows } from '$lib/server/incidents/read';
import { csvLine } from '$lib/server/util/csv';

/** The client's own register (002 art. 4.2) as CSV, with the register page's filters. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	loadOrError(async () => {
		const rows = await registerRows(
			locals.ctx,
			params.client,
			Object.fromEntries(url.searchParams)
		);
		const header = csvLine([
			m.incident_number(),
			m.incident_reported_at(),
			m.severity(),
			m.incident_title(),
			m.incident_status(),
			m.incident_components(),
			m.incident_acknowledge_by(),
			m.incident_acknowledged_at(),
			m.incident_acknowledge_state(),
			m.incident_resolve_by(),
			m.incident_resolved_at(),
			m.incident_resolve_state(),
			m.incident_qualification(),
			m.incident_cause(),
			m.incident_source()
		]);
		const lines = rows.map((r) =>
			csvLine([
				r.number,
				r.reportedAt,
				severityLabel(r.severity),
				r.title,
				incidentStatusLabel(r.status),
				r.components.join(' '),
				r.acknowledgeBy,
				r.acknowledgedAt,
				deadlineStateLabel(r.acknowledgeState),
				r.resolveBy,
				r.resolvedAt,
				deadlineStateLabel(r.resolveState),
				r.qualification ? qualificationLabel(r.qualification) : '',
				r.cause ? causeLabel(r.cause) : '',
				sourceLabel(r.source)
			])
		);
		const day = new Date().toISOString().slice(0, 10);
		// The byte-order mark lets spreadsheet software read the accents as UTF-8.
		return new Response('\uFEFF' + [header, ...lines].join('\r\n') + '\r\n', {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="incidents-${params.client}-${day}.csv"`
			}
		});
	});
