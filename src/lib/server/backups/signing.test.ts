import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalReport, encodeField, type ReportInput } from './report';
import { generateSigningKey, signReport, verifyReport } from './signing';

const input: ReportInput = {
	client: 'hooli',
	component: 'srv-01',
	externalId: 'run-2026-12-01',
	kind: 'data_full',
	scope: null,
	startedAt: new Date('2026-12-01T21:00:00Z'),
	finishedAt: new Date('2026-12-01T21:12:30.5Z'),
	status: 'succeeded',
	sizeBytes: 3000,
	changedBytes: null,
	copies: [{ site: 'OVH Roubaix', country: 'FR' }],
	files: [
		{ path: '/data/a.db', modifiedAt: new Date('2026-12-01T20:00:00Z'), sizeBytes: 1000 },
		{
			path: '/data/tab\there%.txt',
			modifiedAt: new Date('2026-11-30T08:00:00Z'),
			sizeBytes: 2000,
			sha256: 'ab'.repeat(32)
		}
	]
};

describe('canonical reception report (002 art. 7.2)', () => {
	it('is the documented text, byte for byte', () => {
		expect(canonicalReport(input)).toBe(
			[
				'portal-backup-report/1',
				'client: hooli',
				'component: srv-01',
				'externalId: run-2026-12-01',
				'kind: data_full',
				'scope: -',
				'startedAt: 2026-12-01T21:00:00.000Z',
				'finishedAt: 2026-12-01T21:12:30.500Z',
				'status: succeeded',
				'sizeBytes: 3000',
				'changedBytes: -',
				'copies: 1',
				'copy: OVH Roubaix\tFR',
				'files: 2',
				'totalBytes: 3000',
				'0\t2026-12-01T20:00:00.000Z\t1000\t-\t/data/a.db',
				`1\t2026-11-30T08:00:00.000Z\t2000\t${'ab'.repeat(32)}\t/data/tab%09here%25.txt`,
				''
			].join('\n')
		);
	});

	it('percent-encodes % and control characters only', () => {
		expect(encodeField('a%b\nc\u007fé')).toBe('a%25b%0Ac%7Fé');
	});
});

describe('authentication key (Ed25519 over the SHA-256 of the report)', () => {
	const { pair } = generateSigningKey();
	const report = canonicalReport(input);
	const signed = signReport(report, pair);

	it('verifies the report it signed', () => {
		expect(signed.authenticationKey).toMatch(/^[A-Za-z0-9_-]{86}$/);
		expect(verifyReport(report, signed.authenticationKey, pair.publicKey)).toBe(true);
	});

	it('fails when one byte of the manifest is changed', () => {
		const tampered = report.replace('\t1000\t', '\t1001\t');
		expect(tampered).not.toBe(report);
		expect(verifyReport(tampered, signed.authenticationKey, pair.publicKey)).toBe(false);
	});

	it('fails with another key, or a malformed key', () => {
		expect(
			verifyReport(report, signed.authenticationKey, generateSigningKey().pair.publicKey)
		).toBe(false);
		expect(verifyReport(report, 'not-a-key', pair.publicKey)).toBe(false);
	});

	it('verifies offline with the README openssl recipe', () => {
		const dir = mkdtempSync(join(tmpdir(), 'report-'));
		writeFileSync(join(dir, 'report.txt'), report);
		writeFileSync(join(dir, 'public.pem'), pair.publicKeyPem);
		writeFileSync(join(dir, 'key.txt'), signed.authenticationKey);
		// The README's commands, verbatim.
		const recipe = [
			"printf '%s==' \"$(cat key.txt)\" | tr -- '-_' '+/' | base64 -d > key.sig",
			'openssl dgst -sha256 -binary report.txt > report.sha256',
			'openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in report.sha256 -sigfile key.sig'
		].join(' && ');
		const out = execFileSync('bash', ['-c', recipe], { cwd: dir }).toString();
		expect(out).toContain('Signature Verified Successfully');
		writeFileSync(join(dir, 'report.txt'), report.replace('\t1000\t', '\t1001\t'));
		expect(() => execFileSync('bash', ['-c', recipe], { cwd: dir, stdio: 'pipe' })).toThrow();
	});
});
