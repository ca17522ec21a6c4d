import { generateHOTP } from '@oslojs/otp';
import { describe, expect, it } from 'vitest';
import { acceptedStep, totpStep } from './totp-rules';

// RFC 6238 appendix B: the SHA-1 seed "12345678901234567890"; at T = 59 s the 8-digit code is 94287082.
const key = new TextEncoder().encode('12345678901234567890');
const at = (step: number) => step * 30_000 + 10_000;

describe('TOTP (RFC 6238, ±1 step, no replay)', () => {
	it('matches the RFC test vector', () => {
		expect(totpStep(59_000)).toBe(1);
		expect(generateHOTP(key, 1n, 8)).toBe('94287082');
		expect(acceptedStep(key, '287082', 59_000, null)).toBe(1);
	});
	it('accepts the previous and the next step, not two away', () => {
		const code = generateHOTP(key, 100n, 6);
		expect(acceptedStep(key, code, at(101), null)).toBe(100);
		expect(acceptedStep(key, code, at(99), null)).toBe(100);
		expect(acceptedStep(key, code, at(102), null)).toBeNull();
	});
	it('refuses a code of a step already used, or of an earlier one', () => {
		const code = generateHOTP(key, 100n, 6);
		expect(acceptedStep(key, code, at(100), 100)).toBeNull();
		expect(acceptedStep(key, code, at(100), 101)).toBeNull();
		expect(acceptedStep(key, generateHOTP(key, 101n, 6), at(100), 100)).toBe(101);
	});
	it('refuses anything but six digits', () => {
		expect(acceptedStep(key, '28708', 59_000, null)).toBeNull();
		expect(acceptedStep(key, 'abcdef', 59_000, null)).toBeNull();
	});
});
