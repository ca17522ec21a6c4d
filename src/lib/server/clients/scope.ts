import { and, eq, inArray } from 'drizzle-orm';
import { memberClientId, type RequestContext } from '../context';
import { resolveContractSettings, type ContractSettings } from '../contracts/settings';
import { getDb, type Executor } from '../db';
import {
	client,
	component,
	contract,
	incident,
	type Client,
	type Component,
	type Contract,
	type Incident
} from '../db/schema';
import { notFound } from '../errors';
import { authorize, type Action } from '../policy';

/** A client reached through the tenant gate, with its contract and resolved settings (null when invalid). */
export interface ClientScope {
	client: Client;
	contract: Contract;
	settings: ContractSettings | null;
}

/**
 * The one way to reach a client's row from a slug: a member only ever finds their own
 * client; for anyone else "not yours" and "does not exist" are the same 404. `action` is what
 * the caller must be allowed (an agent pushing backup reports may not read the client).
 */
export async function getClientInScope(
	db: Executor,
	ctx: RequestContext,
	slug: string,
	action: Action = 'client.read'
): Promise<Client> {
	if (db === getDb() && action === 'client.read') return clientRow(ctx, slug);
	return gate(db, ctx, slug, action);
}

async function gate(
	db: Executor,
	ctx: RequestContext,
	slug: string,
	action: Action = 'client.read'
): Promise<Client> {
	authorize(ctx, action);
	const only = memberClientId(ctx);
	if (only === null) throw notFound();
	const [row] = await db
		.select()
		.from(client)
		.where(only ? and(eq(client.slug, slug), eq(client.id, only)) : eq(client.slug, slug));
	if (!row) throw notFound();
	return row;
}

/** A client's contract row and its settings, validated once per distinct contract. */
export async function contractOf(
	db: Executor,
	clientId: string
): Promise<Omit<ClientScope, 'client'>> {
	const [row] = await db.select().from(contract).where(eq(contract.clientId, clientId));
	if (!row) throw notFound();
	const resolved = resolveContractSettings(row.preset, row.overrides);
	return { contract: row, settings: resolved.ok ? resolved.settings : null };
}

const rows = new WeakMap<RequestContext, Map<string, Promise<Client>>>();
const scopes = new WeakMap<RequestContext, Map<string, Promise<ClientScope>>>();

function memo<T>(
	cache: WeakMap<RequestContext, Map<string, Promise<T>>>,
	ctx: RequestContext,
	slug: string,
	load: () => Promise<T>
): Promise<T> {
	let known = cache.get(ctx);
	if (!known) cache.set(ctx, (known = new Map()));
	let found = known.get(slug);
	if (!found) {
		found = load();
		found.catch(() => known.delete(slug));
		known.set(slug, found);
	}
	return found;
}

/** The client row of this request, through the gate once (its contract is read only if asked for). */
function clientRow(ctx: RequestContext, slug: string): Promise<Client> {
	return memo(rows, ctx, slug, () => gate(getDb(), ctx, slug));
}

/**
 * The client scope of this request: resolved once through the gate (the layout, the API
 * wrapper and every service of the same request share it). Writes that change the client
 * or its contract call `forgetClientScope`.
 */
export function clientScope(ctx: RequestContext, slug: string): Promise<ClientScope> {
	return memo(scopes, ctx, slug, async () => {
		const row = await clientRow(ctx, slug);
		return { client: row, ...(await contractOf(getDb(), row.id)) };
	});
}

export function forgetClientScope(ctx: RequestContext): void {
	rows.delete(ctx);
	scopes.delete(ctx);
}

/** A component of the client by its key; another client's key is the same 404. */
export async function componentInScope(
	db: Executor,
	owner: Client,
	key: string,
	lock = false
): Promise<Component> {
	const query = db
		.select()
		.from(component)
		.where(and(eq(component.clientId, owner.id), eq(component.key, key)));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw notFound();
	return row;
}

/** Several components of the client by key, in no particular order; unknown keys are left out. */
export function componentsInScope(
	db: Executor,
	owner: Client,
	keys: string[]
): Promise<Component[]> {
	if (keys.length === 0) return Promise.resolve([]);
	return db
		.select()
		.from(component)
		.where(and(eq(component.clientId, owner.id), inArray(component.key, keys)));
}

/** A report of the client by its number; another client's number is the same 404. */
export async function incidentInScope(
	db: Executor,
	owner: Client,
	number: string,
	lock = false
): Promise<Incident> {
	const query = db
		.select()
		.from(incident)
		.where(and(eq(incident.clientId, owner.id), eq(incident.number, number.toUpperCase())));
	const [row] = lock ? await query.for('update') : await query;
	if (!row) throw notFound();
	return row;
}
