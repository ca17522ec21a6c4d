/**
 * The sweep's inputs in columns and its event queue: no object per row or event, and a radix
 * sort on times, so a month of 20,000 state changes costs a few milliseconds, not a GC storm.
 */

export const UP = 0;
export const DEGRADED = 1;
export const DOWN = 2;
export const UNKNOWN = 3;
export type StatusCode = typeof UP | typeof DEGRADED | typeof DOWN | typeof UNKNOWN;

/** Status rows, one column per field; `to` is resolved (an open row ends at asOf). */
export class RowColumns {
	length = 0;
	comp: Int32Array;
	status: Uint8Array;
	from: Float64Array;
	to: Float64Array;

	constructor(capacity: number) {
		this.comp = new Int32Array(capacity);
		this.status = new Uint8Array(capacity);
		this.from = new Float64Array(capacity);
		this.to = new Float64Array(capacity);
	}

	push(comp: number, status: StatusCode, from: number, to: number): void {
		const i = this.length++;
		this.comp[i] = comp;
		this.status[i] = status;
		this.from[i] = from;
		this.to[i] = to;
	}

	/** Row positions by component then start: the identity when they come so (ORDER BY component, from). */
	order(): ArrayLike<number> | null {
		let sorted = true;
		for (let i = 1; i < this.length && sorted; i++) {
			sorted =
				this.comp[i - 1] < this.comp[i] ||
				(this.comp[i - 1] === this.comp[i] && this.from[i - 1] <= this.from[i]);
		}
		if (sorted) return null;
		return Array.from({ length: this.length }, (_, i) => i).sort(
			(a, b) => this.comp[a] - this.comp[b] || this.from[a] - this.from[b] || a - b
		);
	}
}

export const STATUS = 0;
export const MAINT_ON = 1;
export const MAINT_OFF = 2;
export const QUAL_ON = 3;
export const QUAL_OFF = 4;
export const COVER_ON = 5;
export const COVER_OFF = 6;
export const PERIOD = 7;

/** Events in [from, to): a time and a packed `kind | arg << 3 | index << 5`. */
export class Events {
	length = 0;
	readonly times: Float64Array;
	readonly data: Int32Array;

	constructor(
		private readonly from: number,
		private readonly to: number,
		capacity: number
	) {
		this.times = new Float64Array(capacity);
		this.data = new Int32Array(capacity);
	}

	push(time: number, kind: number, index = 0, arg = 0): void {
		if (!(time >= this.from && time < this.to)) return;
		this.times[this.length] = time;
		this.data[this.length++] = kind | (arg << 3) | (index << 5);
	}

	/** A component's rows: its status at each start, unknown in the gaps and after its last row. */
	pushRows(rows: RowColumns): void {
		const order = rows.order();
		let prevComp = -1;
		let prevTo = 0;
		for (let k = 0; k < rows.length; k++) {
			const i = order ? order[k] : k;
			const from = Math.max(rows.from[i], this.from);
			const to = Math.min(rows.to[i], this.to);
			if (!(from < to)) continue;
			const comp = rows.comp[i];
			if (prevComp >= 0 && (comp !== prevComp || from > prevTo))
				this.push(prevTo, STATUS, prevComp, UNKNOWN);
			this.push(from, STATUS, comp, rows.status[i]);
			prevComp = comp;
			prevTo = to;
		}
		if (prevComp >= 0) this.push(prevTo, STATUS, prevComp, UNKNOWN);
	}

	/**
	 * Event positions sorted by time, equal times in insertion order (a stable sort), so the rows
	 * of one component starting together apply in their order. LSD radix sort on the offset in
	 * milliseconds when the window is shorter than 2^32 ms (49 days); a comparison sort otherwise.
	 */
	order(): Uint32Array {
		const n = this.length;
		let index = new Uint32Array(n);
		for (let i = 0; i < n; i++) index[i] = i;
		if (n === 0) return index;
		if (this.to - this.from >= 2 ** 32) {
			return index.sort((a, b) => this.times[a] - this.times[b] || a - b);
		}
		const keys = new Uint32Array(n);
		for (let i = 0; i < n; i++) keys[i] = this.times[i] - this.from;
		let spare = new Uint32Array(n);
		const counts = new Uint32Array(256);
		for (let shift = 0; shift < 32; shift += 8) {
			counts.fill(0);
			for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
			if (counts[(keys[0] >>> shift) & 255] === n) continue;
			for (let b = 0, sum = 0; b < 256; b++) {
				const c = counts[b];
				counts[b] = sum;
				sum += c;
			}
			for (let k = 0; k < n; k++) {
				const i = index[k];
				spare[counts[(keys[i] >>> shift) & 255]++] = i;
			}
			[index, spare] = [spare, index];
		}
		return index;
	}
}
