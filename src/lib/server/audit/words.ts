/**
 * The audit trail in words (004 art. 2, 000 §5: who did what, when, from where): each action
 * named in the reader's language, and a before/after pair as a list of changed fields. Pure.
 */
import { m } from '$lib/paraglide/messages';

export const AUDIT_ACTION_WORDS: Record<string, () => string> = {
	'api_token.created': m.audit_action_api_token_created,
	'api_token.revoked': m.audit_action_api_token_revoked,
	'client.created': m.audit_action_client_created,
	'client.updated': m.audit_action_client_updated,
	'client.destroyed': m.audit_action_client_destroyed,
	'component.created': m.audit_action_component_created,
	'component.updated': m.audit_action_component_updated,
	'component.deleted': m.audit_action_component_deleted,
	'contract.updated': m.audit_action_contract_updated,
	'contract.end_recorded': m.audit_action_contract_end_recorded,
	'contract.end_withdrawn': m.audit_action_contract_end_withdrawn,
	'credit.requested': m.audit_action_credit_requested,
	'credit.approved': m.audit_action_credit_approved,
	'credit.refused': m.audit_action_credit_refused,
	'incident.filed': m.audit_action_incident_filed,
	'incident.acknowledged': m.audit_action_incident_acknowledged,
	'incident.qualified': m.audit_action_incident_qualified,
	'incident.update': m.audit_action_incident_update,
	'incident.note': m.audit_action_incident_note,
	'incident.severity_changed': m.audit_action_incident_severity_changed,
	'incident.resolved': m.audit_action_incident_resolved,
	'incident.confirmed': m.audit_action_incident_confirmed,
	'incident.reopened': m.audit_action_incident_reopened,
	'incident.closed': m.audit_action_incident_closed,
	'maintenance.created': m.audit_action_maintenance_created,
	'maintenance.updated': m.audit_action_maintenance_updated,
	'maintenance.cancelled': m.audit_action_maintenance_cancelled,
	'maintenance.approved': m.audit_action_maintenance_approved,
	'maintenance.refused': m.audit_action_maintenance_refused,
	'membership.created': m.audit_action_membership_created,
	'membership.role_changed': m.audit_action_membership_role_changed,
	'membership.removed': m.audit_action_membership_removed,
	'probe.created': m.audit_action_probe_created,
	'probe.updated': m.audit_action_probe_updated,
	'probe.deleted': m.audit_action_probe_deleted,
	'qualification.created': m.audit_action_qualification_created,
	'sla.reopened': m.audit_action_sla_reopened,
	'staff.invited': m.audit_action_staff_invited,
	'user.invitation_accepted': m.audit_action_user_invitation_accepted,
	'user.password_reset': m.audit_action_user_password_reset,
	'user.preferences': m.audit_action_user_preferences,
	'subscriptions.updated': m.audit_action_subscriptions_updated,
	'export.requested': m.audit_action_export_requested,
	'export.ready': m.audit_action_export_ready,
	'export.failed': m.audit_action_export_failed,
	'export.expired': m.audit_action_export_expired,
	'export.downloaded': m.audit_action_export_downloaded,
	'backup.received': m.audit_action_backup_received,
	'calendar_feed.created': m.audit_action_calendar_feed_created,
	'calendar_feed.regenerated': m.audit_action_calendar_feed_regenerated,
	'calendar_feed.revoked': m.audit_action_calendar_feed_revoked,
	'client.admin_two_factor': m.audit_action_client_admin_two_factor,
	'membership.invitation_revoked': m.audit_action_membership_invitation_revoked,
	'restore.filed': m.audit_action_restore_filed,
	'restore.accept': m.audit_action_restore_accept,
	'restore.quote': m.audit_action_restore_quote,
	'restore.schedule': m.audit_action_restore_schedule,
	'restore.progress': m.audit_action_restore_progress,
	'restore.complete': m.audit_action_restore_complete,
	'restore.fail': m.audit_action_restore_fail,
	'restore.approve-quote': m.audit_action_restore_approve_quote,
	'restore.refuse-quote': m.audit_action_restore_refuse_quote,
	'restore.cancel': m.audit_action_restore_cancel,
	'security.settings_changed': m.audit_action_security_settings_changed,
	'session.ended': m.audit_action_session_ended,
	'session.others_ended': m.audit_action_session_others_ended,
	'user.password_changed': m.audit_action_user_password_changed,
	'user.two_factor_enabled': m.audit_action_user_two_factor_enabled,
	'user.two_factor_disabled': m.audit_action_user_two_factor_disabled,
	'user.second_factor_totp': m.audit_action_user_second_factor_totp,
	'user.second_factor_recovery': m.audit_action_user_second_factor_recovery,
	'webhook.created': m.audit_action_webhook_created,
	'webhook.deleted': m.audit_action_webhook_deleted,
	'webhook.delivery_replayed': m.audit_action_webhook_delivery_replayed
};

/** An action in words; one this table does not know yet keeps its code, never a blank. */
export function auditActionInWords(action: string): string {
	return AUDIT_ACTION_WORDS[action]?.() ?? m.audit_action_other({ action });
}

export interface AuditChange {
	/** Dotted path of the field ('settings.sla.targetPercent'). */
	field: string;
	before: string | null;
	after: string | null;
}

const MAX_VALUE = 200;
const MAX_CHANGES = 50;

function shown(value: unknown): string | null {
	if (value === undefined || value === null) return null;
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return text.length > MAX_VALUE ? `${text.slice(0, MAX_VALUE - 1)}…` : text;
}

function isObject(x: unknown): x is Record<string, unknown> {
	return x !== null && typeof x === 'object' && !Array.isArray(x);
}

function walk(before: unknown, after: unknown, path: string, out: AuditChange[]) {
	if (out.length >= MAX_CHANGES) return;
	if (isObject(before) || isObject(after)) {
		const b = isObject(before) ? before : {};
		const a = isObject(after) ? after : {};
		const field = path || '—';
		if (!isObject(before) && before != null)
			out.push({ field, before: shown(before), after: null });
		if (!isObject(after) && after != null) out.push({ field, before: null, after: shown(after) });
		for (const key of new Set([...Object.keys(b), ...Object.keys(a)]))
			walk(b[key], a[key], path ? `${path}.${key}` : key, out);
		return;
	}
	const [b, a] = [shown(before), shown(after)];
	if (b !== a) out.push({ field: path || '—', before: b, after: a });
}

/** What changed between the JSON before and after, field by field (created: before null). */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
	const out: AuditChange[] = [];
	walk(before, after, '', out);
	return out;
}

/** One line for the CSV: "field: before → after; …". */
export function changesInText(changes: AuditChange[]): string {
	return changes.map((c) => `${c.field}: ${c.before ?? '∅'} → ${c.after ?? '∅'}`).join('; ');
}
