/**
 * The authentication key of a reception report (002 art. 7.2): an Ed25519 signature (RFC 8032,
 * node:crypto) over the SHA-256 digest of the canonical report, in base64url without padding.
 * Signing the 32-byte digest lets anyone check it with `openssl pkeyutl -verify -rawin`.
 *
 * Pure module: keys are passed in (keys.ts loads them).
 */
import {
	createHash,
	createPrivateKey,
	createPublicKey,
	generateKeyPairSync,
	sign,
	verify,
	type KeyObject
} from 'node:crypto';

export interface SigningKeyPair {
	id: string;
	privateKey: KeyObject;
	publicKey: KeyObject;
	publicKeyPem: string;
}

export function sha256(text: string | Buffer): Buffer {
	return createHash('sha256').update(text).digest();
}

/** The key id: the first 16 hex digits of the SHA-256 of the public key's DER (SPKI). */
export function keyId(publicKey: KeyObject): string {
	return sha256(publicKey.export({ type: 'spki', format: 'der' }))
		.toString('hex')
		.slice(0, 16);
}

export function keyPairFromPrivatePem(pem: string): SigningKeyPair {
	const privateKey = createPrivateKey(pem);
	if (privateKey.asymmetricKeyType !== 'ed25519')
		throw new Error('the signing key must be Ed25519');
	const publicKey = createPublicKey(privateKey);
	return {
		id: keyId(publicKey),
		privateKey,
		publicKey,
		publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString()
	};
}

export function generateSigningKey(): { pair: SigningKeyPair; privateKeyPem: string } {
	const { privateKey } = generateKeyPairSync('ed25519');
	const privateKeyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
	return { pair: keyPairFromPrivatePem(privateKeyPem), privateKeyPem };
}

export interface SignedReport {
	reportSha256: string;
	authenticationKey: string;
}

export function signReport(report: string, key: SigningKeyPair): SignedReport {
	return signDigest(sha256(report), key);
}

/** The same from the report's SHA-256, where the report is hashed as it is written. */
export function signDigest(digest: Buffer, key: SigningKeyPair): SignedReport {
	return {
		reportSha256: digest.toString('hex'),
		authenticationKey: sign(null, digest, key.privateKey).toString('base64url')
	};
}

const BASE64URL = /^[A-Za-z0-9_-]{86}$/;

/** True when `authenticationKey` is the signature of this exact report by `publicKey`. */
export function verifyReport(
	report: string,
	authenticationKey: string,
	publicKey: KeyObject
): boolean {
	if (!BASE64URL.test(authenticationKey)) return false;
	return verify(null, sha256(report), publicKey, Buffer.from(authenticationKey, 'base64url'));
}
