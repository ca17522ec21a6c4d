import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { parseSampleBatch } from './samples-input';
import { storeNamedSamples, type StoreResult } from './store';

/** `POST /api/v1/samples`: all or nothing, idempotent on (component, at). */
export async function ingestSamples(
	ctx: RequestContext,
	body: unknown,
	now = new Date()
): Promise<StoreResult> {
	authorize(ctx, 'samples.ingest');
	const { items, issues } = parseSampleBatch(body, now);
	return storeNamedSamples(items, issues, now);
}
