import type { RequestHandler } from './$types';
import { apiRoute, created } from '$lib/server/api/handler';
import { qualificationRecordedView } from '$lib/server/sla/api-views';
import { createQualification } from '$lib/server/sla/records';

export const POST: RequestHandler = apiRoute(async ({ ctx, params, body }) =>
	created(qualificationRecordedView(await createQualification(ctx, params.slug, await body())))
);
