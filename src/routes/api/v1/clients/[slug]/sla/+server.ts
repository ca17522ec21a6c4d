import type { RequestHandler } from './$types';
import { apiRoute } from '$lib/server/api/handler';
import { backupCompliance } from '$lib/server/backups/overview';
import { slaApiView } from '$lib/server/sla/api-views';
import { getSlaReport } from '$lib/server/sla/service';

export const GET: RequestHandler = apiRoute(async ({ ctx, params, url }) => {
	const report = await getSlaReport(ctx, params.slug, url.searchParams.get('month'), {
		recompute: url.searchParams.get('recompute') === '1'
	});
	return {
		...slaApiView(report),
		backupCompliance: await backupCompliance(ctx, params.slug, report.month)
	};
});
