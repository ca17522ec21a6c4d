import { asc, count, eq, ilike, or } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import type { RequestContext } from '../context';
import { authorize } from '../policy';
import { settingsIssueInWords } from '../contracts/issue-text';
import { resolveContractSettings } from '../contracts/settings';
import { getDb, type Executor } from '../db';
import { guardIssues } from '../input-guard';
import { client, contract } from '../db/schema';
import { conflict, fieldIssues, invalid, isUniqueViolation } from '../errors';
import { appendEvent } from '../live/outbox';
import { parseInput } from '../validation';
import { clientScope, forgetClientScope, getClientInScope } from './scope';
import {
	contractInputSchema,
	createClientSchema,
	listClientsSchema,
	updateClientSchema
} from './schemas';

export const CLIENTS_PAGE_SIZE = 20;

const clientMessages = {
	slug: () => m.validation_slug(),
	name: () => m.validation_name(),
	timezone: () => m.validation_timezone(),
	commissionedAt: () => m.validation_date()
};

export async function listClients(ctx: RequestContext, input: unknown) {
	authorize(ctx, 'client.list');
	const { search, page } = parseInput(listClientsSchema, input);
	const db = getDb();
	const where = search
		? or(
				ilike(client.name, `%${escapeLike(search)}%`),
				ilike(client.slug, `%${escapeLike(search)}%`)
			)
		: undefined;
	const [rows, [{ total }]] = await Promise.all([
		db
			.select()
			.from(client)
			.where(where)
			.orderBy(asc(client.name))
			.limit(CLIENTS_PAGE_SIZE)
			.offset((page - 1) * CLIENTS_PAGE_SIZE),
		db.select({ total: count() }).from(client).where(where)
	]);
	return { clients: rows, total, page, pageSize: CLIENTS_PAGE_SIZE };
}

function escapeLike(s: string) {
	return s.replace(/[\\%_]/g, (c) => '\\' + c);
}

export async function getClient(ctx: RequestContext, slug: string) {
	return getClientInScope(getDb(), ctx, slug);
}

/** The provider's full record of a client (the API's client resource): provider readers only. */
export async function getClientRecord(ctx: RequestContext, slug: string) {
	authorize(ctx, 'client.list');
	return getContract(ctx, slug);
}

/** The stored contract row plus its resolved, validated settings. */
export async function getContract(ctx: RequestContext, slug: string) {
	return clientScope(ctx, slug);
}

function validateContract(input: unknown) {
	const parsed = parseInput(contractInputSchema, input, {
		monthlyFeeCents: () => m.validation_fee(),
		overrides: () => m.validation_overrides()
	});
	if (Object.keys(guardIssues(parsed.overrides)).length > 0) {
		throw invalid(m.form_has_errors(), { overrides: m.validation_too_deep() });
	}
	const resolved = resolveContractSettings(parsed.preset, parsed.overrides ?? {});
	if (!resolved.ok) {
		const detail = resolved.issues.map(settingsIssueInWords).join(m.settings_separator());
		const field = resolved.issues.some((i) => i.path === 'preset') ? 'preset' : 'overrides';
		throw invalid(m.form_has_errors(), {
			[field]:
				field === 'preset' ? m.validation_preset() : m.validation_overrides_detail({ detail })
		});
	}
	return {
		preset: parsed.preset,
		overrides: parsed.overrides ?? {},
		monthlyFeeCents: parsed.monthlyFeeCents
	};
}

export async function createClient(ctx: RequestContext, input: unknown) {
	authorize(ctx, 'client.create');
	const raw = (input ?? {}) as Record<string, unknown>;
	const [data, contractInput] = collectIssues(
		() =>
			parseInput(createClientSchema, input, {
				...clientMessages,
				contract: () => m.validation_preset()
			}),
		() => validateContract(raw.contract)
	);
	try {
		return await getDb().transaction(async (tx) => {
			const [created] = await tx
				.insert(client)
				.values({
					slug: data.slug,
					name: data.name,
					timezone: data.timezone ?? 'Europe/Paris',
					commissionedAt: data.commissionedAt ? new Date(data.commissionedAt) : null
				})
				.returning();
			const [createdContract] = await tx
				.insert(contract)
				.values({
					clientId: created.id,
					preset: contractInput.preset,
					overrides: contractInput.overrides,
					monthlyFeeCents: contractInput.monthlyFeeCents ?? 0
				})
				.returning();
			await recordAudit(tx, ctx, {
				action: 'client.created',
				targetType: 'client',
				targetId: created.id,
				clientId: created.id,
				after: { ...created, contract: createdContract }
			});
			return { ...created, contract: createdContract };
		});
	} catch (e) {
		if (isUniqueViolation(e))
			throw conflict(m.client_slug_taken(), { slug: m.client_slug_taken() });
		throw e;
	}
}

/** Runs both validations so the form shows every problem at once. */
function collectIssues<A, B>(a: () => A, b: () => B): [A, B] {
	const results: [unknown, unknown] = [undefined, undefined];
	const fields: Record<string, string> = {};
	let failed: unknown;
	[a, b].forEach((run, i) => {
		try {
			results[i] = run();
		} catch (e) {
			failed ??= e;
			Object.assign(fields, fieldIssues(e));
		}
	});
	if (failed) throw Object.keys(fields).length ? invalid(m.form_has_errors(), fields) : failed;
	return results as [A, B];
}

export async function updateClient(ctx: RequestContext, slug: string, input: unknown) {
	authorize(ctx, 'client.edit');
	const data = parseInput(updateClientSchema, input, clientMessages);
	forgetClientScope(ctx);
	return getDb().transaction(async (tx) => {
		const before = await getClientInScope(tx, ctx, slug);
		const [after] = await tx
			.update(client)
			.set({
				name: data.name ?? before.name,
				timezone: data.timezone ?? before.timezone,
				commissionedAt:
					data.commissionedAt !== undefined ? new Date(data.commissionedAt) : before.commissionedAt,
				updatedAt: new Date()
			})
			.where(eq(client.id, before.id))
			.returning();
		await recordAudit(tx, ctx, {
			action: 'client.updated',
			targetType: 'client',
			targetId: before.id,
			clientId: before.id,
			before,
			after
		});
		await appendEvent(tx, {
			clientId: before.id,
			kind: 'client.updated',
			payload: { clientSlug: after.slug, name: after.name }
		});
		return after;
	});
}

export async function updateContract(ctx: RequestContext, slug: string, input: unknown) {
	authorize(ctx, 'contract.edit');
	const data = validateContract(input);
	forgetClientScope(ctx);
	return getDb().transaction(async (tx) => {
		const found = await getClientInScope(tx, ctx, slug);
		const before = await loadContract(tx, found.id);
		const [after] = await tx
			.update(contract)
			.set({
				preset: data.preset,
				overrides: data.overrides,
				monthlyFeeCents: data.monthlyFeeCents ?? before.monthlyFeeCents,
				updatedAt: new Date()
			})
			.where(eq(contract.clientId, found.id))
			.returning();
		await recordAudit(tx, ctx, {
			action: 'contract.updated',
			targetType: 'contract',
			targetId: found.id,
			clientId: found.id,
			before,
			after
		});
		await appendEvent(tx, {
			clientId: found.id,
			kind: 'contract.updated',
			payload: { clientSlug: slug }
		});
		return after;
	});
}

async function loadContract(tx: Executor, clientId: string) {
	const [row] = await tx.select().from(contract).where(eq(contract.clientId, clientId));
	return row;
}
