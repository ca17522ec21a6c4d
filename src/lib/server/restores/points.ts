import { sql } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import type { ContractSettings } from '../contracts/settings';
import { rowsOf, type Executor } from '../db';
import type { Client } from '../db/schema';
import { invalid } from '../errors';
import { toDate } from '../status/pg-time';
import { isUuid } from '../validation';
import { unrestorable, type PointFacts, type Unrestorable } from './restorable';
import type { RestorePoint } from './rules';

export interface RestorablePoint extends PointFacts {
	id: string;
	componentId: string;
	componentKey: string;
	componentName: string;
	finishedAt: Date;
	sizeBytes: number;
	point: RestorePoint;
}

interface Row {
	id: string;
	component_id: string;
	component_key: string;
	component_name: string;
	kind: PointFacts['kind'];
	scope: PointFacts['scope'];
	status: PointFacts['status'];
	started_at: string | Date;
	finished_at: string | Date;
	size_bytes: string | number;
	version_rank: string | number | null;
}

/** Ranks count succeeded backups only: a failed run is no version of anything. */
const RANKED = (clientId: string) => sql`
	select b.id, b.component_id, c.key as component_key, c.name as component_name, b.kind, b.scope,
		b.status, b.started_at, b.finished_at, b.size_bytes,
		case when b.status = 'succeeded' then row_number() over (
			partition by b.component_id, b.kind, coalesce(b.scope, ''), b.status = 'succeeded'
			order by b.started_at desc, b.id) end as version_rank
	from backup b join component c on c.id = b.component_id
	where b.client_id = ${clientId}`;

function pointOf(r: Row): RestorablePoint {
	const rank = r.version_rank === null ? Number.MAX_SAFE_INTEGER : Number(r.version_rank);
	return {
		id: r.id,
		componentId: r.component_id,
		componentKey: r.component_key,
		componentName: r.component_name,
		kind: r.kind,
		scope: r.scope,
		status: r.status,
		startedAt: toDate(r.started_at),
		finishedAt: toDate(r.finished_at),
		sizeBytes: Number(r.size_bytes),
		versionRank: rank,
		point: { kind: r.kind, incrementalRank: r.kind === 'incremental' ? rank : null }
	};
}

const reasonText = (why: Unrestorable) =>
	why.reason === 'not_succeeded'
		? m.restore_point_not_succeeded({ status: why.status })
		: why.reason === 'retention'
			? m.restore_point_retention({ days: why.days })
			: m.restore_point_versions({ versions: why.versions });

/**
 * The backup a request names, if it is the client's and still restorable; another client's
 * backup is refused exactly as an unknown one (its existence is not told).
 */
export async function restorePointInScope(
	tx: Executor,
	owner: Client,
	backupId: string,
	settings: ContractSettings,
	now: Date
): Promise<RestorablePoint> {
	const unknown = () => invalid(m.form_has_errors(), { backupId: m.restore_invalid_backup() });
	if (!isUuid(backupId)) throw unknown();
	const [row] = rowsOf<Row>(
		await tx.execute(sql`select * from (${RANKED(owner.id)}) ranked where id = ${backupId}`)
	);
	if (!row) throw unknown();
	const point = pointOf(row);
	const why = unrestorable(settings, point, now);
	if (why) throw invalid(reasonText(why), { backupId: reasonText(why) });
	return point;
}

/** The client's restore points still restorable, newest first: what the request form offers. */
export async function restorablePoints(
	db: Executor,
	owner: Client,
	settings: ContractSettings,
	now: Date
): Promise<RestorablePoint[]> {
	const longest = Math.max(
		settings.backups.retentionDays,
		...settings.backups.schedules.map((s) => s.retentionDays ?? 0)
	);
	const since = new Date(now.getTime() - longest * 86_400_000);
	const rows = rowsOf<Row>(
		await db.execute(sql`
			select * from (${RANKED(owner.id)}) ranked
			where status = 'succeeded' and started_at >= ${since.toISOString()}
				and finished_at <= ${now.toISOString()}
			order by started_at desc limit 500`)
	);
	return rows.map(pointOf).filter((p) => unrestorable(settings, p, now) === null);
}
