export type { ContractSettings } from '$lib/server/contracts/settings';
export type { ContractEnd as ContractEndView } from '$lib/server/clients/end-of-contract';
