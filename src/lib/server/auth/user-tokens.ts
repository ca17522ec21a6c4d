import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Executor } from '../db';
import { userToken, type UserTokenPurpose } from '../db/schema';
import { generateSecret, hashSecret } from './crypto';

export const USER_TOKEN_LIFETIME_MS: Record<UserTokenPurpose, number> = {
	password_reset: 60 * 60 * 1000,
	invitation: 7 * 24 * 60 * 60 * 1000
};

export async function issueUserToken(
	tx: Executor,
	userId: string,
	purpose: UserTokenPurpose
): Promise<string> {
	const token = generateSecret();
	await tx.insert(userToken).values({
		id: hashSecret(token),
		userId,
		purpose,
		expiresAt: new Date(Date.now() + USER_TOKEN_LIFETIME_MS[purpose])
	});
	return token;
}

/** Marks the token used and returns its user, or null when unknown, used or expired. */
export async function consumeUserToken(
	tx: Executor,
	token: string,
	purpose: UserTokenPurpose
): Promise<string | null> {
	const [row] = await tx
		.update(userToken)
		.set({ usedAt: new Date() })
		.where(
			and(
				eq(userToken.id, hashSecret(token)),
				eq(userToken.purpose, purpose),
				isNull(userToken.usedAt),
				gt(userToken.expiresAt, new Date())
			)
		)
		.returning({ userId: userToken.userId });
	return row?.userId ?? null;
}

export async function peekUserToken(
	tx: Executor,
	token: string,
	purpose: UserTokenPurpose
): Promise<string | null> {
	const [row] = await tx
		.select({ userId: userToken.userId })
		.from(userToken)
		.where(
			and(
				eq(userToken.id, hashSecret(token)),
				eq(userToken.purpose, purpose),
				isNull(userToken.usedAt),
				gt(userToken.expiresAt, new Date())
			)
		);
	return row?.userId ?? null;
}

/** Marks every outstanding token of this purpose used: after a password change no older link may set one again. */
export async function revokeUserTokens(
	tx: Executor,
	userId: string,
	purpose: UserTokenPurpose
): Promise<void> {
	await tx
		.update(userToken)
		.set({ usedAt: new Date() })
		.where(
			and(eq(userToken.userId, userId), eq(userToken.purpose, purpose), isNull(userToken.usedAt))
		);
}
