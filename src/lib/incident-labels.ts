import { m } from '$lib/paraglide/messages';
import { labelFrom } from './labels';

export { severityLabel } from '$lib/components/contract/format';

export const incidentStatusLabel = labelFrom({
	open: m.incident_status_open,
	acknowledged: m.incident_status_acknowledged,
	resolved: m.incident_status_resolved,
	closed: m.incident_status_closed
});

export const deadlineStateLabel = labelFrom({
	on_track: m.deadline_on_track,
	at_risk: m.deadline_at_risk,
	met: m.deadline_met,
	breached: m.deadline_breached
});

export const causeLabel = labelFrom({
	provider: m.incident_cause_provider,
	client: m.incident_cause_client,
	authorized_third_party: m.incident_cause_authorized_third_party,
	force_majeure: m.incident_cause_force_majeure,
	third_party_operator: m.incident_cause_third_party_operator,
	beyond_capacity: m.incident_cause_beyond_capacity
});

export const qualificationLabel = labelFrom({
	confirmed: m.incident_qualification_confirmed,
	not_confirmed: m.incident_qualification_not_confirmed
});

export const updateKindLabel = labelFrom({
	filed: m.incident_kind_filed,
	acknowledged: m.incident_kind_acknowledged,
	qualified: m.incident_kind_qualified,
	update: m.incident_kind_update,
	note: m.incident_kind_note,
	severity_changed: m.incident_kind_severity_changed,
	resolved: m.incident_kind_resolved,
	confirmed: m.incident_kind_confirmed,
	reopened: m.incident_kind_reopened,
	closed: m.incident_kind_closed
});

export const sourceLabel = labelFrom({
	portal: m.incident_source_portal,
	staff: m.incident_source_staff,
	api: m.incident_source_api,
	monitoring: m.incident_source_monitoring
});

/** What each severity means in the contract (000 §2). */
export const severityMeaning = labelFrom({
	critical: m.incident_meaning_critical,
	major: m.incident_meaning_major,
	minor: m.incident_meaning_minor,
	information_request: m.incident_meaning_information_request
});

export {
	INCIDENT_SEVERITIES as INCIDENT_SEVERITY_VALUES,
	INCIDENT_STATUSES as INCIDENT_STATUS_VALUES,
	INCIDENT_CAUSES as INCIDENT_CAUSE_VALUES,
	INCIDENT_QUALIFICATIONS as INCIDENT_QUALIFICATION_VALUES
} from '$lib/domain/incidents';
