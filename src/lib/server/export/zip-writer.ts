import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import yazl from 'yazl';
import type { ManifestFile } from './format';

/** Writes one entry's text; resolves once the ZIP has room for more (backpressure). */
export type WriteText = (text: string) => Promise<void>;

/**
 * A ZIP streamed to a file, one entry after the other: an entry's text goes through a
 * PassThrough that yazl drains into the file, so at most a buffer's worth waits in memory.
 * Each entry's SHA-256 and byte size are taken from the uncompressed text as it is written.
 */
export class ZipWriter {
	readonly #zip = new yazl.ZipFile();
	readonly #out: WriteStream;
	/** Aborted with the first error of the file or of the ZIP stream. */
	readonly #failure = new AbortController();
	readonly #mtime: Date;
	readonly files: ManifestFile[] = [];

	constructor(path: string, mtime: Date) {
		this.#mtime = mtime;
		this.#out = createWriteStream(path, { flags: 'wx' });
		const fail = (e: Error) => this.#failure.abort(e);
		this.#out.on('error', fail);
		this.#zip.outputStream.on('error', fail);
		this.#zip.outputStream.pipe(this.#out);
	}

	/** Adds `name`, filled by `fill`, which returns the entry's row count for the manifest. */
	async entry(name: string, fill: (write: WriteText) => Promise<number>): Promise<ManifestFile> {
		const pass = new PassThrough();
		this.#zip.addReadStream(pass, name, { mtime: this.#mtime });
		const hash = createHash('sha256');
		let bytes = 0;
		const write: WriteText = async (text) => {
			const chunk = Buffer.from(text, 'utf8');
			hash.update(chunk);
			bytes += chunk.length;
			if (!pass.write(chunk))
				await this.#unlessFailed(once(pass, 'drain', { signal: this.#failure.signal }));
		};
		const rows = await fill(write);
		pass.end();
		const file = { name, sha256: hash.digest('hex'), bytes, rows };
		this.files.push(file);
		return file;
	}

	/** A small entry left out of the manifest's list (the manifest itself, the checksum list). */
	addText(name: string, text: string): void {
		this.#zip.addBuffer(Buffer.from(text, 'utf8'), name, { mtime: this.#mtime });
	}

	async close(): Promise<void> {
		this.#zip.end();
		await this.#unlessFailed(finished(this.#out, { signal: this.#failure.signal }));
	}

	/**
	 * Waits for `step` (which the failure signal aborts) and fails with the stream's own error.
	 * Racing each wait against one long-lived promise left a reaction on it per wait instead:
	 * tens of thousands, kept to the end of a large export.
	 */
	async #unlessFailed(step: Promise<unknown>): Promise<void> {
		try {
			await step;
		} catch (e) {
			throw this.#failure.signal.aborted ? this.#failure.signal.reason : e;
		}
	}

	/** Stops writing after a failure; the caller deletes the partial file. */
	abort(): void {
		this.#out.destroy();
	}
}
