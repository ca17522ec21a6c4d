/**
 * Live-event resumption after a PostgreSQL restart: a staff socket on every node, and component
 * renames written through the nodes from the moment PostgreSQL is back. A node is live again once
 * its socket receives the event of a rename written after that moment.
 */
import { io, type Socket } from 'socket.io-client';
import type { LiveEvent } from '../../src/lib/live/events';
import { nowMs, signIn, sleep } from '../bench/harness';
import { alive, type Node } from './nodes';

const ADMIN_TOKEN = 'demo-admin-token';
const RENAMED = '/api/v1/clients/acme/components/backup';

interface Round {
	prefix: string;
	back: number;
	/** Per node: ms from `back` to the first event of this round on its socket. */
	live: (number | undefined)[];
	firstWrite?: number;
}

export class LiveWatch {
	private sockets: Socket[] = [];
	private round: Round | undefined;

	constructor(private readonly nodes: Node[]) {}

	async connect() {
		const cookie = await signIn(this.nodes[0].url, 'staff@demo.test');
		this.sockets = await Promise.all(
			this.nodes.map(
				(node, i) =>
					new Promise<Socket>((ready, fail) => {
						const socket = io(node.url, { transports: ['websocket'], extraHeaders: { cookie } });
						socket.once('connect', () => ready(socket));
						socket.once('connect_error', fail);
						socket.on('event', (e: LiveEvent) => this.receive(i, e));
					})
			)
		);
	}

	private receive(node: number, e: LiveEvent) {
		const round = this.round;
		if (!round || e.kind !== 'component.updated' || round.live[node] !== undefined) return;
		if (e.payload.component.name.startsWith(round.prefix)) round.live[node] = nowMs() - round.back;
	}

	/** Renames every 100 ms (through each node in turn) until every socket has seen one, or `limitMs`. */
	async measure(label: string, back: number, limitMs: number) {
		const round: Round = {
			prefix: `Sauvegarde ${label} `,
			back,
			live: this.nodes.map(() => undefined)
		};
		this.round = round;
		for (let n = 0; round.live.includes(undefined) && nowMs() - back < limitMs; n++) {
			const node = this.nodes[n % this.nodes.length];
			if (alive(node)) void this.rename(node, `${round.prefix}${n}`, round);
			await sleep(100);
		}
		this.round = undefined;
		return {
			live: round.live.map((t) => t ?? Infinity),
			firstWrite: round.firstWrite ?? Infinity
		};
	}

	private async rename(node: Node, name: string, round: Round) {
		try {
			const response = await fetch(`${node.url}${RENAMED}`, {
				method: 'PATCH',
				headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
				body: JSON.stringify({ name }),
				signal: AbortSignal.timeout(5_000)
			});
			await response.arrayBuffer();
			if (response.ok) round.firstWrite ??= nowMs() - round.back;
		} catch {
			// PostgreSQL is not back for this node yet: the next rename tries again.
		}
	}

	close() {
		for (const socket of this.sockets) socket.close();
	}
}
