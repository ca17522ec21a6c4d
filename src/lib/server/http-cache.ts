import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Whole responses of anonymous public pages (the public status page and its data route), stored
 * once per render in every encoding and served as they are. A live event announcing a public
 * change invalidates them (`invalidate`); time only bounds what no event announces. A page served
 * a little late stays correct: its live cursor makes the browser replay anything newer.
 */

export type Encoding = 'br' | 'gzip' | 'identity';

/** A render, as the server answered it. */
export interface Rendered {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
}

/** One stored representation, ready for `writeHead` and `end`. */
export interface Variant {
	headers: Record<string, string>;
	body: Buffer;
}

export interface Copy {
	/** Every entity tag of this copy (one per encoding), quoted. */
	etags: string[];
	variants: Record<Encoding, Variant>;
	/** The headers of a 304 answer, per encoding. */
	notModified: Record<Encoding, Record<string, string>>;
}

/** Below this size compression gains nothing (the same threshold as the server's compression). */
const COMPRESS_FROM = 1024;
/** Compressed once per render, not per request: brotli can afford more than the per-request q4. */
const BROTLI_QUALITY = 6;
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml))/;
/** Never stored: set per request, or by the transport. */
const NOT_STORED = new Set([
	'connection',
	'keep-alive',
	'transfer-encoding',
	'content-length',
	'content-encoding',
	'date',
	'etag',
	'x-request-id'
]);
/** What a 304 repeats of the 200 (RFC 9110 §15.4.5). */
const NOT_MODIFIED_HEADERS = ['cache-control', 'vary', 'expires', 'content-location'];

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** A render may be stored only when it is a plain success meant for anyone. */
export function storable(r: Rendered): boolean {
	return (
		r.status === 200 &&
		!('set-cookie' in r.headers) &&
		!/'nonce-/.test(r.headers['content-security-policy'] ?? '')
	);
}

function withAcceptEncoding(vary: string | undefined): string {
	if (!vary) return 'Accept-Encoding';
	return /(^|,)\s*accept-encoding\s*(,|$)/i.test(vary) ? vary : `${vary}, Accept-Encoding`;
}

/** Compresses a storable render once per encoding. */
export async function toCopy(r: Rendered): Promise<Copy> {
	const base: Record<string, string> = {};
	for (const [name, value] of Object.entries(r.headers))
		if (!NOT_STORED.has(name)) base[name] = value;
	base.vary = withAcceptEncoding(base.vary);
	const compress = r.body.length >= COMPRESS_FROM && COMPRESSIBLE.test(base['content-type'] ?? '');
	const [br, gz] = compress
		? await Promise.all([
				brotli(r.body, {
					params: {
						[constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
						[constants.BROTLI_PARAM_SIZE_HINT]: r.body.length
					}
				}),
				gzipped(r.body)
			])
		: [null, null];
	const tag = createHash('sha256').update(r.body).digest('base64url').slice(0, 27);
	const variants = {} as Copy['variants'];
	const notModified = {} as Copy['notModified'];
	const add = (encoding: Encoding, body: Buffer, etag: string, contentEncoding?: string) => {
		const headers: Record<string, string> = {
			...base,
			etag,
			'content-length': String(body.length)
		};
		if (contentEncoding) headers['content-encoding'] = contentEncoding;
		variants[encoding] = { headers, body };
		notModified[encoding] = { etag };
		for (const name of NOT_MODIFIED_HEADERS)
			if (base[name]) notModified[encoding][name] = base[name];
	};
	add('identity', r.body, `"${tag}"`);
	if (br && gz) {
		add('br', br, `"${tag}-br"`, 'br');
		add('gzip', gz, `"${tag}-gzip"`, 'gzip');
	} else {
		variants.br = variants.gzip = variants.identity;
		notModified.br = notModified.gzip = notModified.identity;
	}
	return {
		etags: [...new Set(Object.values(variants).map((v) => v.headers.etag))],
		variants,
		notModified
	};
}

/** Whether `If-None-Match` names this copy (weak comparison, as for a GET, RFC 9110 §13.1.2). */
export function notModified(ifNoneMatch: string | undefined, copy: Copy): boolean {
	if (!ifNoneMatch) return false;
	if (ifNoneMatch.trim() === '*') return true;
	return ifNoneMatch.split(',').some((tag) => copy.etags.includes(tag.trim().replace(/^W\//, '')));
}

const negotiated = new Map<string, Encoding>();
const NEGOTIATED_KEPT = 500;

/** The encoding to serve for an `Accept-Encoding`: brotli, else gzip, else none (q-values honoured). */
export function negotiate(acceptEncoding: string | undefined): Encoding {
	if (!acceptEncoding) return 'identity';
	let found = negotiated.get(acceptEncoding);
	if (found) return found;
	const q: Partial<Record<string, number>> = {};
	for (const part of acceptEncoding.toLowerCase().split(',')) {
		const [name, ...params] = part.split(';').map((s) => s.trim());
		const weight = params.find((p) => p.startsWith('q='));
		if (name) q[name] = weight ? Number(weight.slice(2)) || 0 : 1;
	}
	const weight = (name: string) => q[name] ?? q['*'] ?? 0;
	// Unlisted, the plain body is only the fallback (as the negotiator of `compression` ranks it).
	const identity = q.identity ?? q['*'] ?? 0;
	const [name, best]: [Encoding, number] =
		weight('br') >= weight('gzip') ? ['br', weight('br')] : ['gzip', weight('gzip')];
	found = best > 0 && best >= identity ? name : 'identity';
	if (negotiated.size >= NEGOTIATED_KEPT) negotiated.clear();
	negotiated.set(acceptEncoding, found);
	return found;
}

interface Entry {
	copy?: Copy;
	/** When the stored copy's render started, and under which generation of the cache. */
	at: number;
	generation: number;
	pending?: Promise<Copy | null>;
	pendingGeneration: number;
}

export interface CacheOptions {
	/** A copy younger than this is served as is. */
	freshMs: number;
	/** Up to this age a copy is served while a new render is made; older, the request waits for it. */
	staleMs: number;
	/**
	 * For this long after an invalidation, the copy it outdated is still served while the new render
	 * is made. A page so served replays the change from its cursor; it stays well below the 700 ms
	 * the status page waits before it reloads its data on `public.components` / `public.notices`.
	 */
	graceMs: number;
	kept: number;
	now: () => number;
}

/** How many past invalidations are remembered (a copy older than those is never served). */
const ENDS_KEPT = 64;

export class ResponseCache {
	private readonly entries = new Map<string, Entry>();
	private generation = 0;
	/** When each past generation ended, i.e. when the invalidation that closed it came. */
	private readonly ended = new Map<number, number>();
	private readonly options: CacheOptions;

	constructor(options: Partial<CacheOptions> = {}) {
		this.options = {
			freshMs: 5000,
			staleMs: 15_000,
			graceMs: 250,
			kept: 200,
			now: Date.now,
			...options
		};
	}

	/**
	 * Every copy stored so far is out of date: past the grace, the next request of each waits for a
	 * render begun after this call (a render under way now may predate the change).
	 */
	invalidate(): void {
		this.ended.set(this.generation, this.options.now());
		if (this.ended.size > ENDS_KEPT) this.ended.delete(this.ended.keys().next().value!);
		this.generation++;
	}

	/**
	 * The copy for `key`, at once when one may be served, else the render under way for it.
	 * `null`: the render may not be stored (an error, a cookie); the caller answers on its own.
	 */
	lookup(key: string, render: () => Promise<Rendered>): Copy | Promise<Copy | null> {
		const now = this.options.now();
		let entry = this.entries.get(key);
		if (entry?.copy) {
			if (entry.generation === this.generation) {
				const age = now - entry.at;
				if (age <= this.options.freshMs) return entry.copy;
				if (age <= this.options.staleMs) {
					if (!entry.pending) this.refresh(entry, render, now);
					return entry.copy;
				}
			} else if (now - (this.ended.get(entry.generation) ?? -Infinity) < this.options.graceMs) {
				if (entry.pendingGeneration !== this.generation || !entry.pending)
					this.refresh(entry, render, now);
				return entry.copy;
			}
		}
		if (!entry) {
			if (this.entries.size >= this.options.kept)
				this.entries.delete(this.entries.keys().next().value!);
			entry = { at: 0, generation: -1, pendingGeneration: -1 };
			this.entries.set(key, entry);
		}
		if (!entry.pending || entry.pendingGeneration !== this.generation)
			this.refresh(entry, render, now);
		return entry.pending!;
	}

	private refresh(entry: Entry, render: () => Promise<Rendered>, at: number) {
		const generation = this.generation;
		const pending: Promise<Copy | null> = render()
			.then(async (r) => {
				if (!storable(r)) return null;
				const copy = await toCopy(r);
				if (generation >= entry.generation) Object.assign(entry, { copy, at, generation });
				return copy;
			})
			.catch(() => null)
			.finally(() => {
				if (entry.pending === pending) entry.pending = undefined;
			});
		entry.pending = pending;
		entry.pendingGeneration = generation;
	}
}
