export type { IncidentDetail, IncidentSummary } from '$lib/server/incidents/read';
export type { DeadlineState } from '$lib/server/incidents/deadlines';
export type { ContractSettings } from '$lib/server/contracts/settings';

export type IncidentRules = import('$lib/server/contracts/settings').ContractSettings['incidents'];
export type TimelineEntry = import('$lib/server/incidents/read').IncidentDetail['updates'][number];
