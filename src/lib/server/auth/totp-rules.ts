import { verifyHOTP } from '@oslojs/otp';

/** RFC 6238 with the usual authenticator settings: 30-second steps, 6 digits, SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** One step either side absorbs clock drift and a code typed as it rolls over. */
export const TOTP_WINDOW_STEPS = 1;

export function totpStep(nowMs: number): number {
	return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step a code belongs to, or null when it matches none within ±1 step of now or only
 * steps at or before the last one accepted: a code, once used, is refused (replay).
 */
export function acceptedStep(
	key: Uint8Array,
	code: string,
	nowMs: number,
	lastUsedStep: number | null
): number | null {
	if (!/^\d{6}$/.test(code)) return null;
	const now = totpStep(nowMs);
	for (let step = now - TOTP_WINDOW_STEPS; step <= now + TOTP_WINDOW_STEPS; step++) {
		if (lastUsedStep !== null && step <= lastUsedStep) continue;
		if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
	}
	return null;
}
