/**
 * Input and output of the SLA engine (000 §2, 001 §5.1, 004 art. 6).
 * Pure data: Dates are instants, minutes are rounded to 2 decimals, `*Ms` fields are exact.
 */
import type { ContractSettings, SlaCause } from '../contracts/settings';

import type { IntervalStatus } from '../../domain/status';
import type {
	Compliance,
	MaintenanceNonCompliance,
	MaintenanceTimes
} from '../maintenance/compliance';
import type { StatusColumns } from './status-columns';

export type { Compliance, MaintenanceNonCompliance };

export type ComponentStatus = IntervalStatus;

/** One row of a component's status timeline; `to: null` = still open (runs until `asOf`). */
export interface StatusRow {
	componentId: string;
	status: ComponentStatus;
	from: Date;
	to: Date | null;
}

/** A period's status rows: an array, or the reader's columns (read them with `eachRow`). */
export type StatusRows = readonly StatusRow[] | StatusColumns;

export interface SlaComponentInput {
	id: string;
	key: string;
	/** Counted by the client-level figure (component.sla_scope). */
	inScope: boolean;
}

/** A maintenance as the engine reads it: its times (the notice rule's input) and its components. */
export interface MaintenanceInput extends MaintenanceTimes {
	id: string;
	componentIds: readonly string[];
}

export interface QualificationInput {
	id: string;
	componentId: string;
	start: Date;
	end: Date;
	/** An SlaCause; a cause the contract does not exclude leaves the downtime counted. */
	cause: string;
}

export type SlaSettings = Pick<ContractSettings, 'sla' | 'maintenance' | 'support'>;

export interface SlaPeriod {
	kind: 'month' | 'contract_year';
	/** [start, end) */
	start: Date;
	end: Date;
}

export interface SlaInput {
	period: SlaPeriod;
	/** IANA zone of the coverage schedule and of the support hours (client.timezone). */
	timeZone: string;
	settings: SlaSettings;
	monthlyFeeCents: number;
	components: readonly SlaComponentInput[];
	/** Rows of any component, any order, overlapping the period (rows outside are ignored). */
	intervals: StatusRows;
	maintenances: readonly MaintenanceInput[];
	qualifications: readonly QualificationInput[];
	/** Instant of the computation: nothing is known after it (open rows end here). */
	asOf: Date;
}

export type Treatment = ContractSettings['sla']['treatment']['maintenance'];
export type ExclusionReason = 'maintenance' | SlaCause;

/** A period that excludes time from the availability, with its reason (shown to the client). */
export interface SlaExclusion {
	source: 'maintenance' | 'qualification';
	sourceId: string;
	reason: ExclusionReason;
	treatment: Treatment;
	/** The exclusion's window clipped to the period. */
	start: Date;
	end: Date;
	componentKeys: string[];
	/**
	 * Coverage minutes it covers for its own components: the whole window for a maintenance,
	 * the component's unavailable minutes for a qualification. Overlaps are counted in each.
	 */
	coveredMinutes: number;
}

/** A maintenance or qualification that excludes nothing, and why. */
export interface SlaIgnoredSource {
	source: 'maintenance' | 'qualification';
	sourceId: string;
	reason: MaintenanceNonCompliance | 'cause_not_excluded';
}

export interface SlaComponentFigures {
	key: string;
	inScope: boolean;
	/** Floored to 3 decimals. */
	availability: number;
	downtimeMinutes: number;
	excludedMinutes: number;
	unknownMinutes: number;
}

/** A continuous stretch of client-level downtime (some in-scope component down, not excluded). */
export interface SlaOutage {
	start: Date;
	end: Date;
	/**
	 * Wall-clock length of the stretch as far as the engine reads (readWindow: the period, plus the
	 * pro-rata threshold on each side under outage_pro_rata, so 000 §1.6's "within 4 h" is judged
	 * on an outage crossing a period bound).
	 */
	minutes: number;
	/** Its downtime inside the period's coverage. */
	downtimeMinutes: number;
}

export type CreditMode = ContractSettings['sla']['credit']['mode'];

export interface SlaCredit {
	mode: CreditMode;
	/** Percent of the monthly fee, capped. */
	percent: number;
	amountCents: number;
	/** slices: the number counted; tiers: the tier's threshold; outage_pro_rata: the unbilled minutes. */
	slices?: number;
	tierBelowPercent?: number;
	unbilledMinutes?: number;
}

/** Exact figures in milliseconds: what a frozen month stores. */
export interface SlaExactFigures {
	coverageMs: number;
	downMs: number;
	degradedMs: number;
	removedMs: number;
	countedAsAvailableMs: number;
	unknownMs: number;
}

export interface SlaReport {
	period: SlaPeriod & {
		/** min(end, asOf): the figures cover [start, evaluatedUntil). */
		evaluatedUntil: Date;
		complete: boolean;
	};
	timeZone: string;
	targetPercent: number;
	coverage: ContractSettings['sla']['coverage'];
	/** T */
	coverageMinutes: number;
	/** D (degraded minutes weighted) */
	downtimeMinutes: number;
	excludedMinutes: { removed: number; countedAsAvailable: number; total: number };
	/** Coverage minutes with no component down or excluded and some in-scope component unknown. */
	unknownMinutes: number;
	/** A floored to 3 decimals (display). */
	availability: number;
	/** A unrounded; `met` is decided on the exact ratio, not on this float. */
	availabilityExact: number;
	met: boolean;
	credit: SlaCredit;
	exclusions: SlaExclusion[];
	ignored: SlaIgnoredSource[];
	components: SlaComponentFigures[];
	outages: SlaOutage[];
	/** The terms of A = (T − Xr − D) / (T − Xr) × 100, in minutes, for the explanation. */
	formula: {
		coverageMinutes: number;
		removedMinutes: number;
		countedAsAvailableMinutes: number;
		downtimeMinutes: number;
		degradedWeight: number;
		treatment: ContractSettings['sla']['treatment'];
		excludedCauses: readonly SlaCause[];
	};
	exact: SlaExactFigures;
}
