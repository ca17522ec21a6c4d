import type { RequestHandler } from './$types';
import { m } from '$lib/paraglide/messages';
import { deadlineStateLabel } from '$lib/incident-labels';
import {
	restoreBillingLabel,
	restorePointKindLabel,
	restoreScopeLabel,
	restoreStatusLabel
} from '$lib/restore-labels';
import { loadOrError } from '$lib/server/http';
import { restoreRegisterRows } from '$lib/server/restores/read';
import { csvLine } from '$lib/server/util/csv';

/** The client's restore requests as CSV, with the register's filters (cells formula-safe). */
export const GET: RequestHandler = ({ locals, params, url }) =>
	loadOrError(async () => {
		const rows = await restoreRegisterRows(
			locals.ctx,
			params.client,
			Object.fromEntries(url.searchParams)
		);
		const header = csvLine([
			m.restore_number(),
			m.restore_requested_at(),
			m.restore_component(),
			m.restore_point(),
			m.restore_scope(),
			m.restore_target(),
			m.restore_status(),
			m.restore_deadline(),
			m.restore_deadline_state(),
			m.restore_stops_server(),
			m.restore_billing(),
			m.restore_quote_amount(),
			m.restore_percent(),
			m.restore_completed_at(),
			m.restore_verification(),
			m.restore_failure_reason()
		]);
		const lines = rows.map((r) =>
			csvLine([
				r.number,
				r.requestedAt,
				r.componentKey,
				`${restorePointKindLabel(r.pointKind)} ${r.pointAt}`,
				restoreScopeLabel(r.scope),
				r.target,
				restoreStatusLabel(r.status),
				r.dueBy,
				r.deadlineState ? deadlineStateLabel(r.deadlineState) : '',
				r.stopsServer ? m.restore_yes() : m.restore_no(),
				restoreBillingLabel(r),
				r.quoteAmountCents === null ? '' : (r.quoteAmountCents / 100).toFixed(2),
				String(r.percent),
				r.completedAt,
				r.verification,
				r.failureReason
			])
		);
		const day = new Date().toISOString().slice(0, 10);
		// The byte-order mark lets spreadsheet software read the accents as UTF-8.
		return new Response('\uFEFF' + [header, ...lines].join('\r\n') + '\r\n', {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="restores-${params.client}-${day}.csv"`
			}
		});
	});
