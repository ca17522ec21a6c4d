export const INCIDENT_SEVERITIES = ['critical', 'major', 'minor', 'information_request'] as const;
export type IncidentSeverity = (typeof INCIDENT_SEVERITIES)[number];

/** open → acknowledged → resolved → closed (confirmed, or the reopen window passed); resolved may reopen. */
export const INCIDENT_STATUSES = ['open', 'acknowledged', 'resolved', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Who filed: a client contact in the portal, staff on the client's behalf, the API, or monitoring. */
export const INCIDENT_SOURCES = ['portal', 'staff', 'api', 'monitoring'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

export const INCIDENT_QUALIFICATIONS = ['confirmed', 'not_confirmed'] as const;
export type IncidentQualification = (typeof INCIDENT_QUALIFICATIONS)[number];

/** The provider's cause, or one of the SLA's excusable causes (004 art. 6). */
export const INCIDENT_CAUSES = [
	'provider',
	'client',
	'authorized_third_party',
	'force_majeure',
	'third_party_operator',
	'beyond_capacity'
] as const;
export type IncidentCause = (typeof INCIDENT_CAUSES)[number];

export const INCIDENT_UPDATE_KINDS = [
	'filed',
	'acknowledged',
	'qualified',
	'update',
	'note',
	'severity_changed',
	'resolved',
	'confirmed',
	'reopened',
	'closed'
] as const;
export type IncidentUpdateKind = (typeof INCIDENT_UPDATE_KINDS)[number];

export const DEADLINE_STATES = ['on_track', 'at_risk', 'met', 'breached'] as const;
export type DeadlineState = (typeof DEADLINE_STATES)[number];
