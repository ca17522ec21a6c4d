/**
 * The search index of the manifests searched lately, kept in this process: a stored manifest's
 * paths never change, so an entry stays right until it is evicted (least recently used first, by
 * size). Another node keeps its own. The first search of a backup reads its paths as ingestion
 * stored them, one value (`backup_manifest`); the next ones scan them in memory.
 */
import { eq, sql } from 'drizzle-orm';
import { getDb, rowsOf } from '../db';
import { backupManifest } from '../db/schema';
import { indexOfText, manifestIndex, type ManifestIndex } from './manifest-search';

/** UTF-16 code units kept, ≈ 2 bytes each: about ten manifests of 100,000 paths. */
const CACHE_UNITS = 64 * 2 ** 20;

const cache = new Map<string, Promise<ManifestIndex>>();
const sizes = new Map<string, number>();
let cached = 0;

/** The stored value; else, for a backup stored without one, its rows' paths aggregated. */
async function load(backupId: string, fileCount: number): Promise<ManifestIndex> {
	const db = getDb();
	const [stored] = await db
		.select({ separator: backupManifest.separator, paths: backupManifest.paths })
		.from(backupManifest)
		.where(eq(backupManifest.backupId, backupId));
	const index = stored && indexOfText(stored.paths, stored.separator, fileCount);
	if (index) return index;
	return aggregated(backupId, fileCount);
}

/**
 * The paths as one value (one row, not 100,000; ≈ 0.1 s), joined by a newline; in the rare manifest
 * where a path holds one, joined by NUL (which no path holds), as bytes: that form costs ≈ 3 times more.
 */
async function aggregated(backupId: string, fileCount: number): Promise<ManifestIndex> {
	const db = getDb();
	const [text] = rowsOf<{ paths: string | null }>(
		await db.execute(sql`
			select string_agg(path, E'\n' order by ordinal) as paths
			from backup_file where backup_id = ${backupId}`)
	);
	if (text?.paths == null) return manifestIndex('', '\n', 0)!;
	const byLine = manifestIndex(text.paths, '\n', fileCount);
	if (byLine) return byLine;
	const [bytes] = rowsOf<{ paths: Buffer }>(
		await db.execute(sql`
			select string_agg(convert_to(path, 'UTF8'), decode('00', 'hex') order by ordinal) as paths
			from backup_file where backup_id = ${backupId}`)
	);
	const byNul = manifestIndex(bytes.paths.toString('utf8'), '\u0000', fileCount);
	if (!byNul) throw new Error(`backup ${backupId}: its files are not its file_count`);
	return byNul;
}

function evict() {
	for (const [id, size] of sizes) {
		if (cached <= CACHE_UNITS) return;
		cache.delete(id);
		sizes.delete(id);
		cached -= size;
	}
}

export async function manifestOfBackup(backupId: string, fileCount: number) {
	const hit = cache.get(backupId);
	if (hit) {
		// Map keeps insertion order: moved to the end, the entry is the most recently used.
		cache.delete(backupId);
		cache.set(backupId, hit);
		const size = sizes.get(backupId);
		if (size !== undefined) {
			sizes.delete(backupId);
			sizes.set(backupId, size);
		}
		return hit;
	}
	const loading = load(backupId, fileCount);
	cache.set(backupId, loading);
	try {
		const index = await loading;
		if (cache.get(backupId) === loading) {
			sizes.set(backupId, index.text.length);
			cached += index.text.length;
			evict();
		}
		return index;
	} catch (e) {
		if (cache.get(backupId) === loading) cache.delete(backupId);
		throw e;
	}
}
