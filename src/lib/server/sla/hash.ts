/**
 * A stable fingerprint of what a period's figures depend on (frozen months: figures are
 * frozen with a hash of their inputs). Two inputs with the same hash give the same report: rows
 * are clipped to the window the engine reads and every list is put in a canonical order, so the
 * order rows come from the database, or a row still open long after the period, does not matter.
 */
import { createHash, type Hash } from 'node:crypto';
import { readWindow } from './availability';
import { eachRow, Interned } from './status-columns';
import type { SlaInput } from './types';

/** Bump when the engine's rules change, so a frozen month's hash no longer matches a recompute. */
export const SLA_ENGINE_VERSION = 1;

/** JSON with object keys sorted, Dates as ISO strings and undefined members left out. */
export function canonicalJson(value: unknown): string {
	if (value instanceof Date) return JSON.stringify(value.toISOString());
	if (Array.isArray(value))
		return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`;
	if (value !== null && typeof value === 'object') {
		const entries = Object.keys(value)
			.filter((k) => (value as Record<string, unknown>)[k] !== undefined)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
		return `{${entries.join(',')}}`;
	}
	if (typeof value === 'number' && !Number.isFinite(value))
		throw new RangeError(`cannot hash ${value}`);
	return JSON.stringify(value);
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The window [from, to) the figures depend on: the engine's read window, cut at asOf. */
function hashWindow(input: SlaInput): { from: number; to: number } {
	const window = readWindow(input.period, input.settings);
	const from = window.from.getTime();
	return { from, to: Math.max(from, Math.min(window.to.getTime(), input.asOf.getTime())) };
}

/** Everything but the status rows, reduced to what the figures depend on, in canonical order. */
function canonicalHeader(input: SlaInput, from: number, to: number) {
	const seen = (start: Date, end: Date) => start.getTime() < to && end.getTime() > from;
	return {
		engine: SLA_ENGINE_VERSION,
		period: { kind: input.period.kind, start: input.period.start, end: input.period.end },
		evaluatedUntil: Math.min(input.period.end.getTime(), input.asOf.getTime()),
		windowEnd: to,
		timeZone: input.timeZone,
		settings: {
			sla: input.settings.sla,
			maintenance: input.settings.maintenance,
			support: input.settings.support
		},
		monthlyFeeCents: input.monthlyFeeCents,
		components: input.components
			.map(({ id, key, inScope }) => ({ id, key, inScope }))
			.sort((a, b) => byString(a.id, b.id)),
		maintenances: input.maintenances
			.filter((m) => seen(m.start, m.end))
			.map(({ id, componentIds, start, end, announcedAt, approvedAt, network }) => ({
				id,
				componentIds: [...new Set(componentIds)].sort(byString),
				start,
				end,
				announcedAt,
				approvedAt: approvedAt ?? null,
				network
			}))
			.sort((a, b) => byString(a.id, b.id)),
		qualifications: input.qualifications
			.filter((q) => seen(q.start, q.end))
			.map(({ id, componentId, start, end, cause }) => ({ id, componentId, start, end, cause }))
			.sort((a, b) => byString(a.id, b.id))
	};
}

/**
 * Text into a hash through one reusable buffer, integers written digit by digit: a month's rows
 * are megabytes of text, which as strings (and as numbers made strings) filled the young
 * generation and, for numbers past 2^31, V8's old one (its number-string cache).
 */
class HashFeed {
	readonly #hash: Hash;
	readonly #buffer = Buffer.allocUnsafe(16 * 1024);
	#at = 0;

	constructor(hash: Hash) {
		this.#hash = hash;
	}

	text(text: string): void {
		if (this.#buffer.length - this.#at < text.length * 3) this.flush();
		if (text.length * 3 > this.#buffer.length) this.#hash.update(text);
		else this.#at += this.#buffer.write(text, this.#at, 'utf8');
	}

	/** `n` as `String(n)` writes it. */
	number(n: number): void {
		if (!Number.isSafeInteger(n)) return this.text(String(n));
		if (this.#buffer.length - this.#at < 17) this.flush();
		if (n < 0) {
			this.#buffer[this.#at++] = 0x2d;
			n = -n;
		}
		let digits = 1;
		for (let power = 10; power <= n; power *= 10) digits++;
		for (let i = this.#at + digits - 1; i >= this.#at; i--) {
			const digit = n % 10;
			this.#buffer[i] = 0x30 + digit;
			n = (n - digit) / 10;
		}
		this.#at += digits;
	}

	flush(): void {
		if (this.#at > 0) this.#hash.update(this.#buffer.subarray(0, this.#at));
		this.#at = 0;
	}
}

/**
 * Per known component (by id, sorted), its rows clipped to the window as "from,to,status" in
 * epoch ms, sorted by start (kept as they come when they already are), into the hash: one
 * `\n<id>:<row>;<row>…` per component. In columns and through a `HashFeed`, holding no string
 * nor object per row, as a month holds tens of thousands of them.
 */
function hashRows(hash: Hash, input: SlaInput, from: number, to: number): void {
	const ids = [...new Set(input.components.map((c) => c.id))].sort(byString);
	const index = new Map(ids.map((id, i) => [id, i]));
	const n = input.intervals.length;
	const comp = new Int32Array(n);
	const starts = new Float64Array(n);
	const ends = new Float64Array(n);
	const statuses = new Interned();
	const status = new Uint8Array(n);
	const counts = new Int32Array(ids.length + 1);
	let kept = 0;
	const asOf = input.asOf.getTime();
	eachRow(input.intervals, (componentId, rowStatus, rowFrom, rowTo) => {
		const c = index.get(componentId);
		const start = Math.max(rowFrom, from);
		const end = Math.min(rowTo ?? asOf, to);
		if (c === undefined || !(start < end)) return;
		comp[kept] = c;
		starts[kept] = start;
		ends[kept] = end;
		status[kept++] = statuses.indexOf(rowStatus);
		counts[c + 1]++;
	});
	// Row positions grouped by component, in arrival order within each (a counting sort).
	for (let c = 0; c < ids.length; c++) counts[c + 1] += counts[c];
	const order = new Int32Array(kept);
	const next = counts.slice(0, ids.length);
	for (let i = 0; i < kept; i++) order[next[comp[i]]++] = i;
	const line = (i: number) => `${starts[i]},${ends[i]},${statuses.values[status[i]]}`;
	const feed = new HashFeed(hash);
	for (let c = 0; c < ids.length; c++) {
		const group = order.subarray(counts[c], counts[c + 1]);
		let sorted = true;
		for (let k = 1; k < group.length && sorted; k++)
			sorted = starts[group[k - 1]] <= starts[group[k]];
		if (!sorted) group.sort((a, b) => starts[a] - starts[b] || byString(line(a), line(b)));
		feed.text(`\n${ids[c]}:`);
		for (let k = 0; k < group.length; k++) {
			const i = group[k];
			if (k > 0) feed.text(';');
			feed.number(starts[i]);
			feed.text(',');
			feed.number(ends[i]);
			feed.text(',');
			feed.text(statuses.values[status[i]]);
		}
	}
	feed.flush();
}

/** sha256 (hex) of the canonical JSON of the inputs but rows, then of each component's rows. */
export function inputsHash(input: SlaInput): string {
	const { from, to } = hashWindow(input);
	const hash = createHash('sha256').update(canonicalJson(canonicalHeader(input, from, to)));
	hashRows(hash, input, from, to);
	return hash.digest('hex');
}
