/**
 * The socket protocol, shared by server and browser. Every live event is a row of the
 * `event` table; `id` lets a reconnecting browser ask for what it missed.
 */
import { METRIC_NAMES, type IntervalStatus, type MetricName } from '$lib/domain/status';
export interface ComponentView {
	key: string;
	name: string;
	kind: string;
	public: boolean;
}

export type ComponentStatus = IntervalStatus;

export interface StatusChange {
	key: string;
	status: ComponentStatus;
	since: string;
}

export { METRIC_NAMES, type MetricName };

/** One chart point: a bucket's averages (null where nothing reported that metric). */
export type MetricPoint = { at: string } & Record<MetricName, number | null>;

export interface LiveEventPayloads {
	'component.created': { clientSlug: string; component: ComponentView };
	'component.updated': { clientSlug: string; component: ComponentView; previousKey: string };
	'component.deleted': { clientSlug: string; key: string };
	'client.updated': { clientSlug: string; name: string };
	'contract.updated': { clientSlug: string };
	/** One per client and ingested batch: state transitions and the newest chart point per component. */
	'monitor.batch': {
		clientSlug: string;
		changes: StatusChange[];
		points: ({ key: string } & MetricPoint)[];
	};
	/** A report was filed: the staff queue and the client's register refresh. */
	'incident.filed': { clientSlug: string; number: string; severity: string; title: string };
	/** A step on a report's timeline (internal notes reach staff only). */
	'incident.updated': { clientSlug: string; number: string; status: string; change: string };
	/** A period's SLA figures changed outside the live timeline (reopened, qualification, credit request). */
	'sla.changed': { clientSlug: string; period: string };
	/** Planned maintenance was recorded: the client's home and SLA pages refresh. */
	'maintenance.created': { clientSlug: string; id: string };
	/** A window was rescheduled, edited or published (a draft's events reach staff only). */
	'maintenance.updated': { clientSlug: string; id: string };
	'maintenance.cancelled': { clientSlug: string; id: string };
	/** The client's decision on a window that needs its agreement (000 §1.4). */
	'maintenance.approved': { clientSlug: string; id: string };
	'maintenance.refused': { clientSlug: string; id: string };
	/** A webhook of the client was added or deleted, or one of its deliveries moved (sent, failed, replayed). */
	'webhook.changed': { clientSlug: string; id: string };
	/** The client's list of authorized persons changed (invitation, role, removal). */
	'people.changed': { clientSlug: string };
	/** The provider's sign-in security settings changed (staff only). */
	'security.updated': Record<string, never>;
	/** A published window reached its start or end (maintenance/jobs.ts): components show `maintenance` meanwhile. */
	'maintenance.started': { clientSlug: string; id: string };
	'maintenance.ended': { clientSlug: string; id: string };
	/** A restore was requested (002 art. 7.3): the staff queue and the client's register refresh. */
	'restore.filed': { clientSlug: string; number: string; status: string };
	/** A step of a restore request, or its deadline state moved (on track / at risk / breached). */
	'restore.updated': { clientSlug: string; number: string; status: string };
	/** A full export was asked for, moved on (percent, the file being written), became ready, failed or expired. */
	'export.progress': {
		clientSlug: string;
		id: string;
		status: 'queued' | 'running' | 'ready' | 'failed' | 'expired';
		percent: number;
		step: string | null;
	};
	/** A backup report was stored (signed, mailed): the client's backups pages refresh. */
	'backup.received': { clientSlug: string; id: string; component: string; status: string };
	/** An expected backup did not arrive within the grace (backups/jobs.ts). */
	'backup.missing': { clientSlug: string; component: string; dueAt: string };
	/** A stored backup breaks the contract's policy (003 art. 3, 4.05; 000 §1.8; 004 art. 3.5). */
	'backup.flagged': { clientSlug: string; id: string; component: string; flags: string[] };
	/** The public room's view of the same: public components only, named by id, no client. */
	'public.status': { changes: { id: string; status: ComponentStatus; since: string }[] };
	/** A public component was published, renamed, withdrawn or deleted: the public page reloads its list. */
	'public.components': Record<string, never>;
	/** A public incident or maintenance was recorded or changed state: the public page reloads its notices. */
	'public.notices': Record<string, never>;
}

export type LiveEventKind = keyof LiveEventPayloads;

export type LiveEvent = {
	[K in LiveEventKind]: { id: number; at: string; kind: K; payload: LiveEventPayloads[K] };
}[LiveEventKind];

export interface ServerToClientEvents {
	/** One live event for a room the server put this socket in. */
	event: (event: LiveEvent) => void;
	/** The missed events could not all be replayed: reload the page's data. */
	resync: (info: { reason: 'gap_too_large' }) => void;
}

export interface ClientToServerEvents {
	/** Sent after (re)connecting: replays events with id > lastEventId for this socket's rooms. */
	catchUp: (lastEventId: number) => void;
}

export const CATCH_UP_MAX_EVENTS = 500;
export const CATCH_UP_WINDOW_HOURS = 24;
