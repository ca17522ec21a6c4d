import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from './schema';

export type Database = PostgresJsDatabase<typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type Executor = Database | Transaction;

let connection: { sql: postgres.Sql; db: Database } | undefined;

function databaseUrl(): string {
	const url = process.env.DATABASE_URL;
	if (!url) throw new Error('DATABASE_URL is not set');
	return url;
}

/** Connects on first use, never at import time (the build imports server modules). */
function connect() {
	if (!connection) {
		const sql = postgres(databaseUrl(), {
			max: 10,
			onnotice: () => {},
			// postgres.js counts failed connects across the whole pool (and its LISTEN connection) and
			// waits up to 20 s (3^n / 100 s) before the next one: after a PostgreSQL restart under load
			// the pool stayed away for seconds. A connect refused while PostgreSQL is still starting up
			// costs one such wait, so it stays short: at most 250 ms apart. Give up on a connect after
			// 5 s, not 30.
			backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.25) * (0.5 + Math.random() / 2),
			connect_timeout: 5
		});
		connection = { sql, db: drizzle(sql, { schema }) };
	}
	return connection;
}

/** Rows of a raw `execute` (drizzle types them loosely); timestamps arrive as text. */
export const rowsOf = <T>(result: unknown) => result as T[];

export function getDb(): Database {
	return connect().db;
}

export function getSql(): postgres.Sql {
	return connect().sql;
}

/**
 * The postgres.js transaction under a drizzle one, for statements drizzle's `execute` cannot make:
 * it never prepares raw SQL, and hot paths want their plan kept. drizzle 0.45 keeps it as its
 * session's `client`; the check fails loudly should an upgrade move it.
 */
export function clientOf(tx: Transaction): postgres.TransactionSql {
	const client = (tx as unknown as { session?: { client?: postgres.TransactionSql } }).session
		?.client;
	if (typeof client?.unsafe !== 'function')
		throw new Error('no postgres.js client under this transaction');
	return client;
}

export async function closeDb(): Promise<void> {
	if (connection) {
		const { sql } = connection;
		connection = undefined;
		await sql.end({ timeout: 5 });
	}
}
