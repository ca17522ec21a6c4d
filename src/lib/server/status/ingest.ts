import { sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb } from '../db';
import { invalidItems, parseSampleBatch, type ResolvedSample } from './samples-input';
import { storeSamples, type StoreResult } from './store';

/** `POST /api/v1/samples`: all or nothing, idempotent on (component, at). */
export async function ingestSamples(
	ctx: RequestContext,
	body: unknown,
	now = new Date()
): Promise<StoreResult> {
	authorize(ctx, 'samples.ingest');
	const { items, issues } = parseSampleBatch(body, now);
	const pairs = [...new Set(items.map(({ item }) => `${item.client}/${item.component}`))].map(
		(p) => {
			const [client, component] = p.split('/');
			return { client, component };
		}
	);
	const found = (await getDb().execute(sql`
		select cl.slug || '/' || c.key as pair, c.id
		from jsonb_to_recordset(${JSON.stringify(pairs)}::jsonb) as p(client text, component text)
		join client cl on cl.slug = p.client
		join component c on c.client_id = cl.id and c.key = p.component`)) as unknown as {
		pair: string;
		id: string;
	}[];
	const idByPair = new Map(found.map((f) => [f.pair, f.id]));
	const resolved: ResolvedSample[] = [];
	items.forEach(({ item, index }) => {
		const componentId = idByPair.get(`${item.client}/${item.component}`);
		if (!componentId) {
			issues.push({ index, fields: { component: m.samples_unknown_component() } });
			return;
		}
		resolved.push({
			componentId,
			at: new Date(item.at),
			status: item.status,
			latencyMs: item.latencyMs,
			cpuPct: item.cpuPct,
			ramPct: item.ramPct,
			diskPct: item.diskPct,
			netInBps: item.netInBps,
			netOutBps: item.netOutBps,
			load1: item.load1,
			iowaitPct: item.iowaitPct
		});
	});
	if (issues.length > 0) throw invalidItems(issues);
	return storeSamples(resolved, now);
}
