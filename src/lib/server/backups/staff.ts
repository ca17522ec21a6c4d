/**
 * The staff view of every client's backups: problems first (missing, late, no backup yet,
 * flagged), then the latest backups received, optionally for one client.
 */
import { and, asc, desc, eq, gte, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { resolveContractSettings } from '../contracts/settings';
import type { RequestContext } from '../context';
import { getDb } from '../db';
import { backup, backupExpectation, client, component, contract } from '../db/schema';
import { authorize } from '../policy';
import { slugSchema } from '../validation';
import { backupProblems, compareProblems, type BackupProblem } from './problems';

const WATCH_DAYS = 35;
const RECENT = 50;
const DAY_MS = 86_400_000;

export const staffBackupFiltersSchema = z.object({
	client: slugSchema.optional().catch(undefined)
});

type Named = Pick<Machine, 'clientSlug' | 'clientName' | 'component' | 'componentName'>;

interface Machine {
	clientSlug: string;
	clientName: string;
	clientId: string;
	componentId: string;
	component: string;
	componentName: string;
}

export async function staffBackupOverview(ctx: RequestContext, input: unknown, now = new Date()) {
	authorize(ctx, 'backup.overview');
	const filters = staffBackupFiltersSchema.parse(input ?? {});
	const db = getDb();
	const clients = await db
		.select({ id: client.id, slug: client.slug, name: client.name })
		.from(client)
		.orderBy(asc(client.name));
	const chosen = filters.client ? clients.filter((c) => c.slug === filters.client) : clients;
	const clientIds = chosen.map((c) => c.id);
	if (clientIds.length === 0) return { filters, clients, problems: [], recent: [] };
	const since = new Date(now.getTime() - WATCH_DAYS * DAY_MS);
	const ofClients: SQL = inArray(component.clientId, clientIds);
	const machineColumns = {
		clientSlug: client.slug,
		clientName: client.name,
		clientId: client.id,
		componentId: component.id,
		component: component.key,
		componentName: component.name
	};
	const [servers, sent, expectations, flagged, recent] = await Promise.all([
		db
			.select(machineColumns)
			.from(component)
			.innerJoin(client, eq(client.id, component.clientId))
			.where(and(ofClients, eq(component.kind, 'server'))),
		db
			.selectDistinct({ componentId: backup.componentId })
			.from(backup)
			.where(inArray(backup.clientId, clientIds)),
		db
			.select({ e: backupExpectation, ...machineColumns })
			.from(backupExpectation)
			.innerJoin(component, eq(component.id, backupExpectation.componentId))
			.innerJoin(client, eq(client.id, component.clientId))
			.where(
				and(
					ofClients,
					gte(backupExpectation.dueAt, since),
					inArray(backupExpectation.state, ['missing', 'late'])
				)
			),
		db
			.select({
				id: backup.id,
				startedAt: backup.startedAt,
				flags: backup.flags,
				...machineColumns
			})
			.from(backup)
			.innerJoin(component, eq(component.id, backup.componentId))
			.innerJoin(client, eq(client.id, component.clientId))
			.where(
				and(ofClients, gte(backup.startedAt, since), sql`jsonb_array_length(${backup.flags}) > 0`)
			),
		db
			.select({
				id: backup.id,
				kind: backup.kind,
				scope: backup.scope,
				status: backup.status,
				startedAt: backup.startedAt,
				sizeBytes: backup.sizeBytes,
				flags: backup.flags,
				...machineColumns
			})
			.from(backup)
			.innerJoin(component, eq(component.id, backup.componentId))
			.innerJoin(client, eq(client.id, component.clientId))
			.where(ofClients)
			.orderBy(desc(backup.startedAt))
			.limit(RECENT)
	]);
	const withBackups = new Set(sent.map((s) => s.componentId));
	const contracts = await db
		.select({ clientId: contract.clientId, preset: contract.preset, overrides: contract.overrides })
		.from(contract)
		.where(inArray(contract.clientId, clientIds));
	const expects = new Map(
		contracts.map((c) => {
			const resolved = resolveContractSettings(c.preset, c.overrides);
			return [c.clientId, resolved.ok && resolved.settings.backups.schedules.length > 0];
		})
	);
	const machines = new Map<string, Machine>();
	for (const m of [...servers, ...expectations, ...flagged]) {
		machines.set(m.componentId, {
			clientSlug: m.clientSlug,
			clientName: m.clientName,
			clientId: m.clientId,
			componentId: m.componentId,
			component: m.component,
			componentName: m.componentName
		});
	}
	const problems: (Named & { problem: BackupProblem })[] = [];
	for (const machine of machines.values()) {
		const found = backupProblems({
			hasBackups: withBackups.has(machine.componentId),
			expectsBackups: expects.get(machine.clientId) ?? false,
			expectations: expectations
				.filter((e) => e.componentId === machine.componentId)
				.map((e) => e.e),
			flagged: flagged.filter((f) => f.componentId === machine.componentId)
		});
		const named = {
			clientSlug: machine.clientSlug,
			clientName: machine.clientName,
			component: machine.component,
			componentName: machine.componentName
		};
		problems.push(...found.map((problem) => ({ ...named, problem })));
	}
	problems.sort((a, b) => compareProblems(a.problem, b.problem));
	return {
		filters,
		clients,
		problems,
		recent: recent.map((r) => ({
			id: r.id,
			kind: r.kind,
			scope: r.scope,
			status: r.status,
			startedAt: r.startedAt.toISOString(),
			sizeBytes: r.sizeBytes,
			flags: r.flags,
			clientSlug: r.clientSlug,
			clientName: r.clientName,
			component: r.component,
			componentName: r.componentName
		}))
	};
}
