import type { RequestHandler } from './$types';
import { auditCsvResponse } from '$lib/server/audit/csv';
import { clientAuditCsvRows } from '$lib/server/audit/read';
import { loadOrError } from '$lib/server/http';

/** The client's audit trail (004 art. 2, 000 §5) as CSV, with the page's filters. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	loadOrError(async () => {
		const rows = await clientAuditCsvRows(
			locals.ctx,
			params.client,
			Object.fromEntries(url.searchParams)
		);
		const day = new Date().toISOString().slice(0, 10);
		return auditCsvResponse(rows, `audit-${params.client}-${day}.csv`);
	});
