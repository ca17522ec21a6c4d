import type { ComponentStatus, StatusRow, StatusRows } from './types';

/** Rows per block: one ArrayBuffer of about 86 KB. */
const BLOCK_ROWS = 4096;

/** One block's columns, views on one buffer. */
class Block {
	readonly from: Float64Array;
	/** NaN for an open row. */
	readonly to: Float64Array;
	readonly comp: Int32Array;
	readonly status: Uint8Array;

	constructor() {
		const buffer = new ArrayBuffer(BLOCK_ROWS * 21);
		this.from = new Float64Array(buffer, 0, BLOCK_ROWS);
		this.to = new Float64Array(buffer, BLOCK_ROWS * 8, BLOCK_ROWS);
		this.comp = new Int32Array(buffer, BLOCK_ROWS * 16, BLOCK_ROWS);
		this.status = new Uint8Array(buffer, BLOCK_ROWS * 20, BLOCK_ROWS);
	}
}

/** Distinct strings by index, each stored once. */
export class Interned<T extends string = string> {
	readonly values: T[] = [];
	readonly #index = new Map<T, number>();

	indexOf(value: T): number {
		let i = this.#index.get(value);
		if (i === undefined) this.#index.set(value, (i = this.values.push(value) - 1));
		return i;
	}
}

/** A row as its times in epoch ms (`to` null for an open row). */
export type EachRow = (
	componentId: string,
	status: ComponentStatus,
	from: number,
	to: number | null
) => void;

/**
 * Status rows kept in columns, as the reader loads a period: a month of a busy timeline is
 * tens of thousands of rows, and an object with two Dates per row, held for the whole
 * computation, outlived the young generation (about 50 MB a month, the export reading every
 * month). The engine reads them through `eachRow`, without an object per row.
 */
export class StatusColumns {
	length = 0;
	readonly #blocks: Block[] = [];
	readonly #ids = new Interned();
	readonly #statuses = new Interned<ComponentStatus>();

	push(...[componentId, status, from, to]: Parameters<EachRow>): void {
		const at = this.length++ % BLOCK_ROWS;
		if (at === 0) this.#blocks.push(new Block());
		const block = this.#blocks[this.#blocks.length - 1];
		block.from[at] = from;
		block.to[at] = to ?? NaN;
		block.comp[at] = this.#ids.indexOf(componentId);
		block.status[at] = this.#statuses.indexOf(status);
	}

	forEach(each: EachRow): void {
		for (let i = 0; i < this.length; i++) {
			const block = this.#blocks[Math.floor(i / BLOCK_ROWS)];
			const at = i % BLOCK_ROWS;
			const to = block.to[at];
			each(
				this.#ids.values[block.comp[at]],
				this.#statuses.values[block.status[at]],
				block.from[at],
				Number.isNaN(to) ? null : to
			);
		}
	}

	some(predicate: (row: StatusRow) => boolean): boolean {
		for (let i = 0; i < this.length; i++) {
			const block = this.#blocks[Math.floor(i / BLOCK_ROWS)];
			const at = i % BLOCK_ROWS;
			const to = block.to[at];
			const row = {
				componentId: this.#ids.values[block.comp[at]],
				status: this.#statuses.values[block.status[at]],
				from: new Date(block.from[at]),
				to: Number.isNaN(to) ? null : new Date(to)
			};
			if (predicate(row)) return true;
		}
		return false;
	}
}

/** Each row of `rows`, an array or columns, in their order. */
export function eachRow(rows: StatusRows, each: EachRow): void {
	if (rows instanceof StatusColumns) {
		rows.forEach(each);
		return;
	}
	for (const row of rows)
		each(row.componentId, row.status, row.from.getTime(), row.to?.getTime() ?? null);
}
