import { resolve, dirname, join, sep } from 'node:path';
import { and, eq, isNull } from 'drizzle-orm';
import type { RequestContext } from '../context';
import type { Executor } from '../db';
import { apiToken, client, membership, user, type ClientExport } from '../db/schema';
import { can } from '../policy';

/**
 * Where export ZIPs are written: `EXPORT_DIR`, else `exports/` beside the embedded database's
 * data directory (`.data/exports` by default).
 */
export function exportDir(): string {
	if (process.env.EXPORT_DIR) return resolve(process.env.EXPORT_DIR);
	const data = process.env.PORTAL_DATA_DIR ?? join('.data', 'postgres');
	return resolve(dirname(resolve(data)), 'exports');
}

/** An export's file on disk from its stored relative path; never outside the export directory. */
export function exportFilePath(relative: string): string {
	const root = exportDir();
	const path = resolve(root, relative);
	if (!path.startsWith(root + sep)) throw new Error(`export path outside ${root}: ${relative}`);
	return path;
}

export const exportFileName = (row: Pick<ClientExport, 'id' | 'clientId'>) =>
	`${row.clientId}/${row.id}.zip`;

/**
 * The job reads with the rights of whoever asked, as they are when it runs: a person removed or
 * demoted meanwhile, or a revoked token, gets no export (null).
 */
export async function requesterContext(
	db: Executor,
	row: ClientExport
): Promise<RequestContext | null> {
	let ctx: RequestContext | null = null;
	if (row.requestedBy) {
		const [found] = await db
			.select({ user, membership, slug: client.slug })
			.from(user)
			.leftJoin(membership, eq(membership.userId, user.id))
			.leftJoin(client, eq(client.id, membership.clientId))
			.where(eq(user.id, row.requestedBy));
		if (!found) return null;
		const { id: userId, email, name, staffRole } = found.user;
		if (staffRole)
			ctx = { actor: { kind: 'staff', userId, email, name, role: staffRole }, ip: null };
		else if (found.membership && found.slug && found.membership.clientId === row.clientId)
			ctx = {
				actor: {
					kind: 'member',
					userId,
					email,
					name,
					clientId: found.membership.clientId,
					clientSlug: found.slug,
					role: found.membership.role
				},
				ip: null
			};
	} else if (row.requestedByToken) {
		const [token] = await db
			.select()
			.from(apiToken)
			.where(and(eq(apiToken.id, row.requestedByToken), isNull(apiToken.revokedAt)));
		if (token) ctx = { actor: { kind: 'token', tokenId: token.id, scope: token.scope }, ip: null };
	}
	return ctx && can(ctx, 'export.request') ? ctx : null;
}
