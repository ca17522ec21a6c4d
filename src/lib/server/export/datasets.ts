import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';
import {
	auditLog,
	backup,
	backupExpectation,
	backupFile,
	component,
	creditRequest,
	downtimeQualification,
	incident,
	incidentComponent,
	incidentUpdate,
	maintenance,
	maintenanceComponent,
	membershipHistory,
	restoreRequest,
	restoreTest,
	restoreUpdate,
	slaPeriod,
	statusDay,
	statusInterval
} from '../db/schema';

/**
 * One table of the export, written as `<name>.csv` and `<name>.jsonl`: its columns and the
 * client's rows (`$1` is the client's id), in a stable order. What the client sees of it only:
 * no staff-internal incident notes, no unannounced maintenance drafts, no secrets.
 */
export interface Dataset {
	name: string;
	columns: readonly string[];
	/** `from … where …` of the client's rows; `t` is the exported table. */
	from: string;
	orderBy: string;
}

const columnsOf = (table: PgTable, except: readonly string[] = []) =>
	getTableConfig(table)
		.columns.map((c) => c.name)
		.filter((c) => !except.includes(c));

const ofClient = (table: string) => `from ${table} t where t.client_id = $1`;
const viaComponent = (table: string) =>
	`from ${table} t join component c on c.id = t.component_id where c.client_id = $1`;

const ANNOUNCED = `m.client_id = $1 and m.announced_at is not null`;

/** A joined table's column (`alias.column`), named in the header by `exportedName`. */
const componentKey = 'c.key';

export const DATASETS: readonly Dataset[] = [
	{
		name: 'components',
		columns: columnsOf(component),
		from: ofClient('component'),
		orderBy: 't.key'
	},
	{
		name: 'status_timeline',
		columns: [componentKey, ...columnsOf(statusInterval)],
		from: viaComponent('status_interval'),
		orderBy: 'c.key, t.from_at, t.id'
	},
	{
		name: 'status_days',
		columns: [componentKey, ...columnsOf(statusDay)],
		from: viaComponent('status_day'),
		orderBy: 'c.key, t.day'
	},
	{
		name: 'incidents',
		columns: columnsOf(incident),
		from: ofClient('incident'),
		orderBy: 't.reported_at, t.number'
	},
	{
		name: 'incident_components',
		columns: ['i.number', componentKey, ...columnsOf(incidentComponent)],
		from: `from incident_component t join incident i on i.id = t.incident_id join component c on c.id = t.component_id where i.client_id = $1`,
		orderBy: 'i.number, c.key'
	},
	{
		name: 'incident_timeline',
		columns: ['i.number', ...columnsOf(incidentUpdate, ['internal'])],
		from: `from incident_update t join incident i on i.id = t.incident_id where i.client_id = $1 and not t.internal`,
		orderBy: 'i.number, t.at, t.id'
	},
	{
		name: 'maintenance',
		columns: columnsOf(maintenance),
		from: `from maintenance t where t.client_id = $1 and t.announced_at is not null`,
		orderBy: 't.start_at, t.id'
	},
	{
		name: 'maintenance_components',
		columns: [componentKey, ...columnsOf(maintenanceComponent)],
		from: `from maintenance_component t join maintenance m on m.id = t.maintenance_id join component c on c.id = t.component_id where ${ANNOUNCED}`,
		orderBy: 't.maintenance_id, c.key'
	},
	{
		name: 'backups',
		columns: [componentKey, ...columnsOf(backup)],
		from: `from backup t join component c on c.id = t.component_id where t.client_id = $1`,
		orderBy: 't.started_at, t.id'
	},
	{
		name: 'backup_files',
		columns: columnsOf(backupFile),
		from: `from backup_file t join backup b on b.id = t.backup_id where b.client_id = $1`,
		orderBy: 't.backup_id, t.ordinal'
	},
	{
		name: 'backup_expectations',
		columns: [componentKey, ...columnsOf(backupExpectation)],
		from: `from backup_expectation t join component c on c.id = t.component_id where t.client_id = $1`,
		orderBy: 't.due_at, t.id'
	},
	{
		name: 'restore_requests',
		columns: columnsOf(restoreRequest),
		from: ofClient('restore_request'),
		orderBy: 't.requested_at, t.number'
	},
	{
		name: 'restore_timeline',
		columns: ['r.number', ...columnsOf(restoreUpdate)],
		from: `from restore_update t join restore_request r on r.id = t.restore_id where r.client_id = $1`,
		orderBy: 'r.number, t.at, t.id'
	},
	{
		name: 'restore_tests',
		columns: columnsOf(restoreTest),
		from: ofClient('restore_test'),
		orderBy: 't.tested_at, t.id'
	},
	{
		name: 'people',
		columns: ['u.email', 'u.name', 'u.locale', 'user_id', 'role', 'created_at'],
		from: `from membership t join "user" u on u.id = t.user_id where t.client_id = $1`,
		orderBy: 'u.email'
	},
	{
		name: 'people_history',
		columns: columnsOf(membershipHistory),
		from: ofClient('membership_history'),
		orderBy: 't.effective_from, t.id'
	},
	{
		name: 'sla_qualifications',
		columns: columnsOf(downtimeQualification),
		from: ofClient('downtime_qualification'),
		orderBy: 't.start_at, t.id'
	},
	{
		name: 'sla_frozen_periods',
		columns: columnsOf(slaPeriod),
		from: ofClient('sla_period'),
		orderBy: 't.period'
	},
	{
		name: 'credit_requests',
		columns: columnsOf(creditRequest),
		from: ofClient('credit_request'),
		orderBy: 't.period, t.id'
	},
	{
		name: 'audit_trail',
		columns: columnsOf(auditLog),
		from: ofClient('audit_log'),
		orderBy: 't.id'
	}
];

/** The header names of a dataset: a joined column keeps its own name (`c.key` → `key`…). */
export function headerOf(d: Dataset): string[] {
	return d.columns.map((c) => exportedName(c));
}

function exportedName(column: string): string {
	if (column === componentKey) return 'component_key';
	if (column === 'i.number') return 'incident_number';
	if (column === 'r.number') return 'restore_number';
	return column.includes('.') ? column.split('.')[1] : column;
}

/** `select` text of a dataset's rows, named by its header. */
export function rowsQuery(d: Dataset): string {
	const list = d.columns
		.map((c, i) => `${c.includes('.') ? c : `t."${c}"`} as "${headerOf(d)[i]}"`)
		.join(', ');
	return `select ${list} ${d.from} order by ${d.orderBy}`;
}

export const countQuery = (d: Dataset) => `select count(*)::int as n ${d.from}`;
