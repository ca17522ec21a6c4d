import type { RequestHandler } from './$types';
import { getLocale } from '$lib/paraglide/runtime';
import { loadOrError } from '$lib/server/http';
import { slaCsv } from '$lib/server/sla/csv';
import { getSlaReport } from '$lib/server/sla/service';
import { slaSourceDetails } from '$lib/server/sla/sources';

/** The month's SLA report as CSV: figures, exclusions with reasons, components. */
export const GET: RequestHandler = ({ locals, params, url }) =>
	loadOrError(async () => {
		const figures = await getSlaReport(
			locals.ctx,
			params.client,
			url.searchParams.get('month') || null
		);
		const sources = await slaSourceDetails(locals.ctx, params.client, [
			...figures.report.exclusions,
			...figures.report.ignored
		]);
		// The byte-order mark lets spreadsheet software read the accents as UTF-8.
		return new Response('\uFEFF' + slaCsv(figures, sources, getLocale()), {
			headers: {
				'content-type': 'text/csv; charset=utf-8',
				'content-disposition': `attachment; filename="sla-${params.client}-${figures.month}.csv"`
			}
		});
	});
