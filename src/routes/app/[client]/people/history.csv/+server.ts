import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { membershipReasonLabel, roleLabel } from '$lib/labels';
import { loadOrError } from '$lib/server/http';
import { listMembershipHistory } from '$lib/server/people/history';
import { csvLine } from '$lib/server/util/csv';

/** The written list of authorized persons over time (000 §1.6; 002 art. 3, 4.3), for a spreadsheet. */
export const GET: RequestHandler = ({ locals, params }) =>
	loadOrError(async () => {
		const { periods } = await listMembershipHistory(locals.ctx, params.client);
		const header = csvLine([
			m.field_name(),
			m.field_email(),
			m.field_role(),
			m.people_history_from(),
			m.people_history_to(),
			m.people_history_granted_by(),
			m.people_history_reason(),
			m.people_history_ended_by(),
			m.people_history_end_reason()
		]);
		const lines = periods.map((p) =>
			csvLine([
				p.name,
				p.email,
				roleLabel(p.role),
				p.effectiveFrom.toISOString(),
				p.effectiveTo?.toISOString(),
				p.grantedByName,
				membershipReasonLabel(p.reason),
				p.endedByName,
				p.endReason ? membershipReasonLabel(p.endReason) : ''
			])
		);
		const day = new Date().toISOString().slice(0, 10);
		// The byte-order mark lets spreadsheet software read the accents as UTF-8.
		return new Response('\uFEFF' + [header, ...lines].join('\r\n') + '\r\n', {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="people-history-${params.client}-${day}.csv"`
			}
		});
	});
