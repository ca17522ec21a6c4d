/**
 * Growing delays after failed sign-ins (000 §5: the audits test "attaque par dictionnaire/brute force").
 * An account gets FREE_ACCOUNT_FAILURES free tries, then waits 1 s, 2 s, 4 s… (max 15 min)
 * before the next try is even looked at; an address gets more room because several
 * people may share it.
 */
export const FREE_ACCOUNT_FAILURES = 4;
export const FREE_IP_FAILURES = 30;
export const MAX_DELAY_SECONDS = 15 * 60;
/** Counters are forgotten after a quiet hour. */
export const RESET_AFTER_SECONDS = 60 * 60;

export function delayAfterFailures(failures: number, free: number): number {
	if (failures <= free) return 0;
	return Math.min(2 ** (failures - free - 1), MAX_DELAY_SECONDS);
}

export function retryAfterSeconds(blockedUntil: Date | null, now: Date): number {
	if (!blockedUntil) return 0;
	return Math.max(0, Math.ceil((blockedUntil.getTime() - now.getTime()) / 1000));
}

/** Forgot-password mails: at most this many per account, and per client address, in one window. */
export const RESET_MAILS_PER_ACCOUNT = 3;
export const RESET_MAILS_PER_IP = 20;
export const RESET_MAIL_WINDOW_SECONDS = 60 * 60;
