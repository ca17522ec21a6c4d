import type { RequestHandler } from './$types';
import { auditCsvResponse } from '$lib/server/audit/csv';
import { allAuditCsvRows } from '$lib/server/audit/read';
import { loadOrError } from '$lib/server/http';

/** Every audit trail as CSV, with the page's filters (client among them). */
export const GET: RequestHandler = ({ locals, url }) =>
	loadOrError(async () => {
		const rows = await allAuditCsvRows(locals.ctx, Object.fromEntries(url.searchParams));
		const day = new Date().toISOString().slice(0, 10);
		return auditCsvResponse(rows, `audit-${day}.csv`);
	});
