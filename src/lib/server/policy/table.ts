/**
 * The permission table: every action of the product → the principals that may do it.
 * Services call `authorize`, pages read `can` flags, README's roles table is rendered from it.
 */
export const PRINCIPALS = [
	'staff.admin',
	'staff.operator',
	'member.admin',
	'member.contact',
	'member.viewer',
	'token.admin',
	'token.read',
	'token.ingest'
] as const;
export type Principal = (typeof PRINCIPALS)[number];

/**
 * `members`: what a member outside the allowed roles is told. `hidden` for provider-wide
 * places that do not exist for clients (404), `refused` for their own client's actions (403).
 */
export interface Rule {
	allow: readonly Principal[];
	members: 'hidden' | 'refused';
	summary: string;
}

const STAFF = ['staff.admin', 'staff.operator'] as const;
const PROVIDER_ADMIN = ['staff.admin', 'token.admin'] as const;
const PROVIDER_WORKER = [...STAFF, 'token.admin'] as const;
const PROVIDER_READ = [...STAFF, 'token.admin', 'token.read'] as const;
const AUTHORIZED_CONTACTS = ['member.admin', 'member.contact'] as const;
const MEMBERS = ['member.admin', 'member.contact', 'member.viewer'] as const;

export const POLICY = {
	'console.open': { allow: STAFF, members: 'hidden', summary: 'Open the staff console' },
	'client.read': {
		allow: [...PROVIDER_READ, ...MEMBERS],
		members: 'hidden',
		summary: "Read a client's pages and data (members: their own client only)"
	},
	'client.list': {
		allow: PROVIDER_READ,
		members: 'hidden',
		summary: 'List every client'
	},
	'client.create': { allow: PROVIDER_ADMIN, members: 'hidden', summary: 'Create a client' },
	'client.edit': { allow: PROVIDER_ADMIN, members: 'hidden', summary: "Edit a client's details" },
	'contract.edit': {
		allow: PROVIDER_ADMIN,
		members: 'hidden',
		summary: "Edit a client's contract (preset, fee, overrides)"
	},
	'contract.end': {
		// 000 §1.9, 002 art. 7.3, 003 art. 10, 004 art. 10: the end starts the countdown to destruction.
		allow: PROVIDER_ADMIN,
		members: 'hidden',
		summary: "Record or withdraw the end of a client's contract (its data is destroyed after it)"
	},
	'component.write': {
		allow: PROVIDER_WORKER,
		members: 'hidden',
		summary: 'Add, edit and delete components, their probes and SLA scope'
	},
	'samples.ingest': {
		allow: ['token.admin', 'token.ingest'],
		members: 'refused',
		summary: 'Push monitoring samples (POST /api/v1/samples)'
	},
	'incident.file': {
		allow: [...STAFF, 'token.admin', ...AUTHORIZED_CONTACTS],
		members: 'refused',
		summary: 'File an incident report (staff on the client’s behalf)'
	},
	'incident.respond': {
		allow: [...STAFF, ...AUTHORIZED_CONTACTS],
		members: 'refused',
		summary: 'Confirm, reopen or comment on an incident report'
	},
	'incident.acknowledge': {
		allow: PROVIDER_WORKER,
		members: 'refused',
		summary: 'Work incident reports: acknowledge, qualify, update, note, resolve, change severity'
	},
	'incident.queue': {
		allow: STAFF,
		members: 'hidden',
		summary: 'See the staff incident queue'
	},
	'incident.internal.read': {
		allow: PROVIDER_READ,
		members: 'refused',
		summary: 'Read internal notes of incident reports'
	},
	'sla.record': {
		allow: PROVIDER_WORKER,
		members: 'hidden',
		summary: 'Record SLA cause qualifications'
	},
	'sla.recompute': {
		allow: PROVIDER_ADMIN,
		members: 'refused',
		summary: 'Preview a fresh computation of a frozen SLA period'
	},
	'sla.reopen': {
		allow: ['staff.admin'],
		members: 'hidden',
		summary: 'Reopen a frozen SLA period'
	},
	'credit.request': {
		allow: AUTHORIZED_CONTACTS,
		members: 'refused',
		summary: 'Ask for the credit of a missed period'
	},
	'credit.decide': {
		allow: ['staff.admin'],
		members: 'hidden',
		summary: 'Approve or refuse a credit request'
	},
	'people.read': {
		allow: [...STAFF, ...MEMBERS],
		members: 'refused',
		summary: "See a client's people"
	},
	'mail.subscribe': {
		allow: MEMBERS,
		members: 'refused',
		summary: "Choose which of the client's components one's own mails are about"
	},
	'people.manage': {
		allow: ['staff.admin', 'member.admin'],
		members: 'refused',
		summary: "Invite, change the role of and remove a client's people"
	},
	'staff.read': { allow: STAFF, members: 'hidden', summary: 'See the staff list' },
	'staff.manage': { allow: ['staff.admin'], members: 'hidden', summary: 'Invite staff' },
	'token.manage': { allow: ['staff.admin'], members: 'hidden', summary: 'Manage API tokens' },
	'outbox.read': { allow: ['staff.admin'], members: 'hidden', summary: 'Read the mail outbox' },
	'security.manage': {
		allow: ['staff.admin'],
		members: 'hidden',
		summary: 'Require two-factor sign-in (staff, a client’s admins) and set session lifetimes'
	},
	'maintenance.publish': {
		allow: PROVIDER_WORKER,
		members: 'refused',
		summary: 'Draft, publish, reschedule and cancel maintenance'
	},
	'maintenance.approve': {
		allow: AUTHORIZED_CONTACTS,
		members: 'refused',
		summary: 'Approve or refuse a maintenance window that needs the client’s agreement'
	},
	'maintenance.feed': {
		allow: [...STAFF, ...MEMBERS],
		members: 'refused',
		summary: 'Subscribe a calendar to a personal iCal feed of the maintenance one may see'
	},
	'webhook.read': {
		allow: [...PROVIDER_READ, 'member.admin'],
		members: 'refused',
		summary: "See a client's webhooks and their delivery log"
	},
	'webhook.manage': {
		allow: [...PROVIDER_WORKER, 'member.admin'],
		members: 'refused',
		summary: "Add and delete a client's webhooks, replay a delivery"
	},
	'backup.ingest': {
		allow: ['token.admin', 'token.ingest'],
		members: 'refused',
		summary: 'Push backup reports'
	},
	'backup.overview': {
		allow: STAFF,
		members: 'hidden',
		summary: "See every client's backup problems and recent backups"
	},
	'restore.read': {
		allow: [...PROVIDER_READ, ...MEMBERS],
		members: 'refused',
		summary: "Read a client's restore requests and restore tests"
	},
	'restore.request': {
		// 002 art. 7.3: only a RESPONSABLE TECHNIQUE CLIENT; an admin token files on their behalf.
		allow: [...AUTHORIZED_CONTACTS, 'token.admin'],
		members: 'refused',
		summary: 'Request a restore (an admin token on the client’s behalf)'
	},
	'restore.decide': {
		// An admin token records a decision the client sent in writing (002 art. 7.3 "ou par mail").
		allow: [...AUTHORIZED_CONTACTS, 'token.admin'],
		members: 'refused',
		summary: 'Approve or refuse a restore quote, cancel a restore before work starts'
	},
	'restore.work': {
		allow: PROVIDER_WORKER,
		members: 'refused',
		summary: 'Work restore requests: accept, quote, schedule, progress, complete, fail'
	},
	'restore.queue': {
		allow: STAFF,
		members: 'hidden',
		summary: 'See the staff restore queue'
	},
	'audit.read.client': {
		allow: [...STAFF, 'member.admin'],
		members: 'refused',
		summary: "Read a client's audit trail (members: their own client's)"
	},
	'audit.read.all': {
		allow: STAFF,
		members: 'hidden',
		summary: 'Read every audit trail, destroyed clients included'
	},
	'export.request': {
		// 000 §1.9, 004 art. 10: the client's admins; an admin token asks on their behalf.
		allow: ['staff.admin', 'member.admin', 'token.admin'],
		members: 'refused',
		summary: "Ask for a full export of a client's data (an admin token on the client's behalf)"
	},
	'export.read': {
		allow: ['staff.admin', 'member.admin', 'token.admin'],
		members: 'refused',
		summary: "See a client's exports and download them"
	}
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;
export const ACTIONS = Object.keys(POLICY) as Action[];

export function allows(action: Action, principal: Principal): boolean {
	return (POLICY[action].allow as readonly Principal[]).includes(principal);
}
