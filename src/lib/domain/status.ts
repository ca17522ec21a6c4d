export const COMPONENT_KINDS = ['server', 'application', 'database', 'network', 'backup'] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** What an agent or a probe reports for one sample. */
export const SAMPLE_STATUSES = ['up', 'degraded', 'down'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];

/** A timeline period's state: a reported status, or `unknown` when the component fell silent. */
export const INTERVAL_STATUSES = [...SAMPLE_STATUSES, 'unknown'] as const;
export type IntervalStatus = (typeof INTERVAL_STATUSES)[number];

/** What a status page shows: the timeline's state, or `maintenance` during a planned window. */
export const DISPLAY_STATUSES = ['up', 'degraded', 'down', 'maintenance', 'unknown'] as const;
export type DisplayStatus = (typeof DISPLAY_STATUSES)[number];

export const PROBE_KINDS = ['http', 'tcp'] as const;
export type ProbeKind = (typeof PROBE_KINDS)[number];

export const PROBE_METHODS = ['GET', 'HEAD', 'POST'] as const;
export type ProbeMethod = (typeof PROBE_METHODS)[number];

/** The buckets of the metric rollups, finest first. */
export const ROLLUP_RESOLUTIONS = ['minute', 'hour', 'day'] as const;
export type RollupResolution = (typeof ROLLUP_RESOLUTIONS)[number];

export const METRIC_NAMES = [
	'latencyMs',
	'cpuPct',
	'ramPct',
	'diskPct',
	'netInBps',
	'netOutBps',
	'load1',
	'iowaitPct'
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];
