/** The SLA engine's public API (000 §2, 001 §5.1, 004 art. 6). Pure functions over intervals. */
export { computeSla, readWindow } from './availability';
export { maintenanceCompliance, type MaintenanceTimes } from '../maintenance/compliance';
export {
	computeCredit,
	creditAmountCents,
	gtrMonthPercent,
	gtrPenaltyPercent,
	type GtrRule
} from './credits';
export { gtrApplies, incidentGtr, monthGtr, type GtrReport, type IncidentGtr } from './gtr';
export { SLA_ENGINE_VERSION, canonicalJson, inputsHash } from './hash';
export { contractYearPeriod, monthPeriod, periodFor } from './period';
export type * from './types';
