/** Causes a contract may exclude from downtime; `out_of_scope` covers work outside the contract. */
export const SLA_CAUSES = [
	'client',
	'authorized_third_party',
	'force_majeure',
	'third_party_operator',
	'beyond_capacity',
	'out_of_scope'
] as const;
export type SlaCause = (typeof SLA_CAUSES)[number];

export const CREDIT_REQUEST_STATUSES = ['requested', 'approved', 'refused'] as const;
export type CreditRequestStatus = (typeof CREDIT_REQUEST_STATUSES)[number];
/**
 * What an avoir is asked for: the availability credit of a missed period (001 §5.1), or the
 * restoration-time guarantee penalties of a month (001 §5.2: "il appartiendra au Client de
 * demander à Alteo le montant des pénalités correspondantes").
 */
export const CREDIT_BASES = ['availability', 'gtr'] as const;
export type CreditBasis = (typeof CREDIT_BASES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
