import { createHmac, timingSafeEqual } from 'node:crypto';

/** `X-Portal-Signature`: `sha256=` + hex HMAC-SHA256 of the raw body bytes with the webhook's secret. */
export function signatureOf(secret: string, rawBody: string): string {
	return `sha256=${createHmac('sha256', secret).update(rawBody, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(secret: string, rawBody: string, header: string | null): boolean {
	if (!header) return false;
	const expected = Buffer.from(signatureOf(secret, rawBody));
	const given = Buffer.from(header);
	return expected.length === given.length && timingSafeEqual(expected, given);
}
