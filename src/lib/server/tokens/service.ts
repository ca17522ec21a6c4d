import { and, desc, eq, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages';
import { recordAudit } from '../audit/audit';
import { generateSecret, hashSecret } from '../auth/crypto';
import { actorUserId, type RequestContext } from '../context';
import { authorize } from '../policy';
import { getDb, getSql } from '../db';
import { API_SCOPES, apiToken, type ApiScope } from '../db/schema';
import { notFound } from '../errors';
import { nameSchema, parseInput, isUuid } from '../validation';

export const createTokenSchema = z.object({ name: nameSchema, scope: z.enum(API_SCOPES) });

// last_used_at is refreshed at most once a minute: no write on every API call.
const LAST_USED_RESOLUTION_MS = 60_000;

export async function listTokens(ctx: RequestContext) {
	authorize(ctx, 'token.manage');
	return getDb()
		.select({
			id: apiToken.id,
			name: apiToken.name,
			prefix: apiToken.prefix,
			scope: apiToken.scope,
			createdAt: apiToken.createdAt,
			lastUsedAt: apiToken.lastUsedAt,
			revokedAt: apiToken.revokedAt
		})
		.from(apiToken)
		.orderBy(desc(apiToken.createdAt));
}

/** The secret is returned once, here; only its SHA-256 is kept. */
export async function createToken(ctx: RequestContext, input: unknown) {
	authorize(ctx, 'token.manage');
	const data = parseInput(createTokenSchema, input, {
		name: () => m.validation_name(),
		scope: () => m.validation_scope()
	});
	const secret = `pt_${generateSecret()}`;
	return getDb().transaction(async (tx) => {
		const [row] = await tx
			.insert(apiToken)
			.values({
				name: data.name,
				scope: data.scope,
				tokenHash: hashSecret(secret),
				prefix: secret.slice(0, 7),
				createdBy: actorUserId(ctx)
			})
			.returning({ id: apiToken.id, name: apiToken.name, scope: apiToken.scope });
		await recordAudit(tx, ctx, {
			action: 'api_token.created',
			targetType: 'api_token',
			targetId: row.id,
			after: row
		});
		return { ...row, secret };
	});
}

export async function revokeToken(ctx: RequestContext, id: string) {
	authorize(ctx, 'token.manage');
	if (!isUuid(id)) throw notFound();
	await getDb().transaction(async (tx) => {
		const [row] = await tx
			.update(apiToken)
			.set({ revokedAt: new Date() })
			.where(and(eq(apiToken.id, id), isNull(apiToken.revokedAt)))
			.returning({ id: apiToken.id, name: apiToken.name });
		if (!row) throw notFound();
		await recordAudit(tx, ctx, {
			action: 'api_token.revoked',
			targetType: 'api_token',
			targetId: id,
			before: row
		});
	});
}

export async function authenticateApiToken(
	secret: string
): Promise<{ id: string; scope: ApiScope } | null> {
	// One prepared statement on every API request: the look-up, and `last_used_at` moved only
	// once it is a minute old.
	const [row] = await getSql()`
		with found as (
			select id, scope, last_used_at from api_token
			where token_hash = ${hashSecret(secret)} and revoked_at is null
		), used as (
			update api_token t set last_used_at = now() from found
			where t.id = found.id
				and (found.last_used_at is null or found.last_used_at < now() - make_interval(secs => ${LAST_USED_RESOLUTION_MS / 1000}))
		)
		select id, scope from found`;
	return row ? { id: row.id as string, scope: row.scope as ApiScope } : null;
}
