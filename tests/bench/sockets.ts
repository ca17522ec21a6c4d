/** Many socket.io-client connections spread over child processes (socket-worker.ts). */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { LiveEventKind } from '../../src/lib/live/events';
import { cpuSeconds } from './harness';
import type { WorkerReply, WorkerRequest } from './socket-worker';

const WORKER = fileURLToPath(new URL('./socket-worker.ts', import.meta.url));
const PER_WORKER = 2500;

export interface Delivery {
	id: number;
	payload: unknown;
	/** Receive instants (nowMs()), one per socket that got the event. */
	times: number[];
	missing: number;
}

export class SocketFleet {
	private constructor(
		private readonly workers: ChildProcess[],
		readonly connected: number
	) {}

	/** Opens `count` sockets (signed in with `cookie`, or anonymous) listening for `kind`. */
	static async open(
		url: string,
		cookie: string | null,
		count: number,
		kind: LiveEventKind
	): Promise<SocketFleet> {
		const workerCount = Math.max(2, Math.ceil(count / PER_WORKER));
		const workers = Array.from({ length: Math.min(workerCount, count) }, () =>
			fork(WORKER, [], {
				execArgv: ['--import', 'tsx'],
				stdio: ['ignore', 'inherit', 'inherit', 'ipc']
			})
		);
		const replies = await Promise.all(
			workers.map((worker, i) => {
				const share = Math.floor(count / workers.length) + (i < count % workers.length ? 1 : 0);
				return ask(worker, { type: 'connect', url, cookie, count: share, kind });
			})
		);
		const failed = replies.reduce((n, r) => n + (r.type === 'connected' ? r.failed : 0), 0);
		const fleet = new SocketFleet(workers, count - failed);
		if (failed > 0) {
			fleet.close();
			throw new Error(`${failed} of ${count} sockets failed to connect`);
		}
		return fleet;
	}

	/** The first matching event with an id above `after`, as every socket received it. */
	async next(after: number, timeoutMs = 10_000): Promise<Delivery> {
		const replies = await Promise.all(
			this.workers.map((w) => ask(w, { type: 'await', after, timeoutMs }))
		);
		const got = replies.filter(
			(r): r is Extract<WorkerReply, { type: 'received' }> => r.type === 'received'
		);
		if (got.length < replies.length)
			throw new Error(`no event after ${after} within ${timeoutMs} ms`);
		const id = Math.min(...got.map((r) => r.id));
		if (got.some((r) => r.id !== id))
			throw new Error(`workers disagree on the next event: ${got.map((r) => r.id).join(', ')}`);
		return {
			id,
			payload: got[0].payload,
			times: got.flatMap((r) => r.times),
			missing: got.reduce((n, r) => n + r.missing, 0)
		};
	}

	/** CPU seconds the worker processes (the sockets' side) have used so far. */
	cpu(): number {
		return this.workers.reduce((total, worker) => total + cpuSeconds(worker.pid!), 0);
	}

	close() {
		for (const worker of this.workers) {
			if (worker.connected) worker.send({ type: 'close' } satisfies WorkerRequest);
		}
	}
}

function ask(worker: ChildProcess, request: WorkerRequest): Promise<WorkerReply> {
	return new Promise((done, fail) => {
		const onExit = (code: number | null) => fail(new Error(`socket worker exited with ${code}`));
		worker.once('message', (reply: WorkerReply) => {
			worker.off('exit', onExit);
			done(reply);
		});
		worker.once('exit', onExit);
		worker.send(request);
	});
}
