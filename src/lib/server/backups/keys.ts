/**
 * The report-signing key: BACKUP_SIGNING_KEY (an Ed25519 private key, PEM) when set, else the one
 * generated on first use and kept in `signing_key`. Every key that signed a report stays there so
 * that old reports still verify.
 */
import { createPublicKey, type KeyObject } from 'node:crypto';
import { eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { signingKey } from '../db/schema';
import { generateSigningKey, keyPairFromPrivatePem, type SigningKeyPair } from './signing';

let current: Promise<SigningKeyPair> | null = null;
const publicKeys = new Map<string, KeyObject>();

async function load(db: Executor): Promise<SigningKeyPair> {
	const fromEnv = process.env.BACKUP_SIGNING_KEY?.replace(/\\n/g, '\n');
	if (fromEnv) {
		const pair = keyPairFromPrivatePem(fromEnv);
		await db
			.insert(signingKey)
			.values({ id: pair.id, publicKeyPem: pair.publicKeyPem, privateKeyPem: null })
			.onConflictDoNothing();
		return pair;
	}
	const [stored] = await db
		.select()
		.from(signingKey)
		.where(isNotNull(signingKey.privateKeyPem))
		.orderBy(signingKey.createdAt)
		.limit(1);
	if (stored?.privateKeyPem) return keyPairFromPrivatePem(stored.privateKeyPem);
	const { pair, privateKeyPem } = generateSigningKey();
	await db
		.insert(signingKey)
		.values({ id: pair.id, publicKeyPem: pair.publicKeyPem, privateKeyPem })
		.onConflictDoNothing();
	// Another node may have generated one at the same moment: the oldest wins everywhere.
	const [first] = await db
		.select()
		.from(signingKey)
		.where(isNotNull(signingKey.privateKeyPem))
		.orderBy(signingKey.createdAt, signingKey.id)
		.limit(1);
	return keyPairFromPrivatePem(first.privateKeyPem!);
}

export function currentSigningKey(db: Executor): Promise<SigningKeyPair> {
	current ??= load(db).catch((e) => {
		current = null;
		throw e;
	});
	return current;
}

/** The public key that signed reports with this key id, or null (also when it cannot be read). */
export async function publicKeyOf(db: Executor, id: string): Promise<KeyObject | null> {
	const known = publicKeys.get(id);
	if (known) return known;
	const [row] = await db.select().from(signingKey).where(eq(signingKey.id, id));
	if (!row) return null;
	let key: KeyObject;
	try {
		key = createPublicKey(row.publicKeyPem);
	} catch {
		// An unreadable stored key verifies nothing; the other keys are still tried.
		return null;
	}
	publicKeys.set(id, key);
	return key;
}

/** Forget the cached key (tests that switch BACKUP_SIGNING_KEY). */
export function forgetSigningKey(): void {
	current = null;
}
