import { m } from '$lib/paraglide/messages';
import { dateTimeFormat, intlLocale, numberFormat } from './intl';

/** A translator over a closed set of values; an unknown value shows as itself, none as a dash. */
export const labelFrom =
	(labels: Record<string, () => string>) =>
	(value: string | null | undefined): string =>
		value ? (labels[value] ?? (() => value))() : '—';

const KIND_LABELS: Record<string, () => string> = {
	server: m.kind_server,
	application: m.kind_application,
	database: m.kind_database,
	network: m.kind_network,
	backup: m.kind_backup
};

const KIND_GROUP_LABELS: Record<string, () => string> = {
	server: m.kind_group_server,
	application: m.kind_group_application,
	database: m.kind_group_database,
	network: m.kind_group_network,
	backup: m.kind_group_backup
};

const ROLE_LABELS: Record<string, () => string> = {
	admin: m.role_admin,
	contact: m.role_contact,
	viewer: m.role_viewer,
	operator: m.role_operator
};

const SCOPE_LABELS: Record<string, () => string> = {
	ingest: m.scope_ingest,
	read: m.scope_read,
	admin: m.scope_admin
};

const STATUS_LABELS: Record<string, () => string> = {
	up: m.status_up,
	degraded: m.status_degraded,
	down: m.status_down,
	unknown: m.status_unknown,
	maintenance: m.status_maintenance
};

const MEMBERSHIP_REASON_LABELS: Record<string, () => string> = {
	backfill: m.people_reason_backfill,
	invited: m.people_reason_invited,
	role_changed: m.people_reason_role_changed,
	removed: m.people_reason_removed,
	revoked: m.people_reason_revoked
};
export const membershipReasonLabel = labelFrom(MEMBERSHIP_REASON_LABELS);

export const statusLabel = (status: string) => (STATUS_LABELS[status] ?? (() => status))();
export const kindLabel = (kind: string) => (KIND_LABELS[kind] ?? (() => kind))();
/** A kind as the title of a group of components. */
export const kindGroupLabel = (kind: string) => (KIND_GROUP_LABELS[kind] ?? (() => kind))();
export const roleLabel = (role: string) => (ROLE_LABELS[role] ?? (() => role))();
export const scopeLabel = (scope: string) => (SCOPE_LABELS[scope] ?? (() => scope))();

const DATE_TIME = { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Paris' } as const;
const DAY = { dateStyle: 'medium', timeZone: 'UTC' } as const;
const EUROS = { style: 'currency', currency: 'EUR' } as const;
const PERCENT = { maximumFractionDigits: 2 };

export function formatDateTime(value: Date | string | null | undefined, locale: string): string {
	if (!value) return '—';
	return dateTimeFormat(intlLocale(locale), DATE_TIME).format(new Date(value));
}

export function formatMoney(cents: number, locale: string): string {
	return numberFormat(intlLocale(locale), EUROS).format(cents / 100);
}

/** A calendar date (YYYY-MM-DD) as the reader writes it. */
export function formatDay(day: string, locale: string): string {
	return dateTimeFormat(intlLocale(locale), DAY).format(new Date(`${day}T00:00:00Z`));
}

export function formatPercent(value: number, locale: string): string {
	return numberFormat(intlLocale(locale), PERCENT).format(value);
}
