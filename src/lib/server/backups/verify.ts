/** Anyone may check a report they received against the provider's public keys (002 art. 7.2). */
import { z } from 'zod';
import { getDb } from '../db';
import { signingKey } from '../db/schema';
import { parseInput } from '../validation';
import { currentSigningKey, publicKeyOf } from './keys';
import { verifyReport } from './signing';

export const verifyInputSchema = z.strictObject({
	report: z
		.string()
		.min(1)
		.max(64 * 1024 * 1024),
	authenticationKey: z.string().min(1).max(200)
});

export async function currentPublicKey() {
	const key = await currentSigningKey(getDb());
	return { keyId: key.id, algorithm: 'Ed25519' as const, pem: key.publicKeyPem };
}

/** Valid when any key the provider ever signed with verifies it (keys are few). */
export async function verifyBackupReport(input: unknown): Promise<{ valid: boolean }> {
	const data = parseInput(verifyInputSchema, input);
	const db = getDb();
	await currentSigningKey(db);
	const ids = await db.select({ id: signingKey.id }).from(signingKey);
	for (const { id } of ids) {
		const key = await publicKeyOf(db, id);
		if (key && verifyReport(data.report, data.authenticationKey, key)) return { valid: true };
	}
	return { valid: false };
}
