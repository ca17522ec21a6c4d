export type { ContractSettings } from '$lib/server/contracts/settings';
