import { m } from '$lib/paraglide/messages';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { getSql } from '../db';
import { pgArray } from '../db/pg-array';
import { invalidItems, parseSampleBatch, type ResolvedSample } from './samples-input';
import { ComponentsGone, storeSamples, type StoreResult } from './store';

/** `POST /api/v1/samples`: all or nothing, idempotent on (component, at). */
export async function ingestSamples(
	ctx: RequestContext,
	body: unknown,
	now = new Date()
): Promise<StoreResult> {
	authorize(ctx, 'samples.ingest');
	const { items, issues } = parseSampleBatch(body, now);
	const ids = await componentIds(items);
	const resolved: ResolvedSample[] = [];
	const indexById = new Map<string, number[]>();
	for (const { index, client, component, ...sample } of items) {
		const componentId = ids.get(client)?.get(component);
		if (!componentId) {
			issues.push({ index, fields: { component: m.samples_unknown_component() } });
			continue;
		}
		resolved.push({ componentId, ...sample });
		const indexes = indexById.get(componentId);
		if (indexes) indexes.push(index);
		else indexById.set(componentId, [index]);
	}
	if (issues.length > 0) throw invalidItems(issues);
	try {
		return await storeSamples(resolved, now);
	} catch (e) {
		if (!(e instanceof ComponentsGone)) throw e;
		throw invalidItems(
			e.ids.flatMap((id) =>
				(indexById.get(id) ?? []).map((index) => ({
					index,
					fields: { component: m.samples_unknown_component() }
				}))
			)
		);
	}
}

/** Each component named, by client slug and key: a token writes only components of the client it names. */
async function componentIds(
	items: { client: string; component: string }[]
): Promise<Map<string, Map<string, string>>> {
	const clients: string[] = [];
	const keys: string[] = [];
	const named = new Map<string, Set<string>>();
	for (const { client, component } of items) {
		let mine = named.get(client);
		if (!mine) named.set(client, (mine = new Set()));
		if (mine.has(component)) continue;
		mine.add(component);
		clients.push(client);
		keys.push(component);
	}
	const found = (await getSql()`
		select p.client, p.component, c.id
		from unnest(${pgArray(clients)}::text[], ${pgArray(keys)}::text[]) as p(client, component)
		join client cl on cl.slug = p.client
		join component c on c.client_id = cl.id and c.key = p.component`) as unknown as {
		client: string;
		component: string;
		id: string;
	}[];
	const ids = new Map<string, Map<string, string>>();
	for (const f of found) {
		let mine = ids.get(f.client);
		if (!mine) ids.set(f.client, (mine = new Map()));
		mine.set(f.component, f.id);
	}
	return ids;
}
