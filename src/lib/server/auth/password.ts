import { hash, verify } from '@node-rs/argon2';

// OWASP's argon2id baseline (19 MiB, 2 passes).
const OPTIONS = { memoryCost: 19456, timeCost: 2, outputLen: 32, parallelism: 1 } as const;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 200;

export function hashPassword(password: string): Promise<string> {
	return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies against a real hash, or against a throwaway one when the account does not exist,
 * so that an unknown e-mail costs the same time as a wrong password.
 */
export async function verifyPassword(
	storedHash: string | null,
	password: string
): Promise<boolean> {
	if (!storedHash) {
		dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
		await verify(await dummyHash, password).catch(() => false);
		return false;
	}
	return verify(storedHash, password).catch(() => false);
}
