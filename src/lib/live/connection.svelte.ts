import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, LiveEvent, ServerToClientEvents } from './events';
import { LiveListeners, RecentIds, type Subscription } from './listeners';

export type LiveStatus = 'connecting' | 'live' | 'offline';

/**
 * The browser's one socket. It remembers the last event id it saw so that a reconnect
 * replays what was missed; pages subscribe by event kind (or prefix, e.g. `component.`).
 */
export class LiveConnection {
	#status = $state<LiveStatus>('connecting');
	#lastEventId = 0;
	#listeners = new LiveListeners();
	#seen = new RecentIds(1000);
	#socket: Socket<ServerToClientEvents, ClientToServerEvents>;
	#reconnect: ReturnType<typeof setTimeout> | undefined;

	constructor(lastEventId: number) {
		this.#lastEventId = lastEventId;
		// WebSocket first: a WebSocket stays on one node, so several nodes need no sticky sessions.
		// Without tryAllTransports a refused WebSocket is retried forever and polling never starts.
		this.#socket = io({ transports: ['websocket', 'polling'], tryAllTransports: true });
		this.#socket.on('connect', () => {
			this.#status = 'live';
			this.#socket.emit('catchUp', this.#lastEventId);
			if (this.#reconnect !== undefined) {
				this.#reconnect = undefined;
				this.#listeners.dispatchResync();
			}
		});
		this.#socket.on('disconnect', (reason) => {
			this.#status = 'offline';
			// The server ends a socket when its session ended or its rights changed. Socket.IO does not
			// reconnect by itself then: reconnect as whoever the cookie now says, then reload the data
			// (after a pause, so that a sign-out's own navigation goes first).
			if (reason === 'io server disconnect')
				this.#reconnect = setTimeout(() => this.#socket.connect(), 1000);
		});
		this.#socket.on('connect_error', () => (this.#status = 'offline'));
		this.#socket.on('event', (e) => this.#receive(e));
		this.#socket.on('resync', () => this.#listeners.dispatchResync());
	}

	get status(): LiveStatus {
		return this.#status;
	}

	on(kind: Subscription, listener: (event: LiveEvent) => void): () => void {
		return this.#listeners.on(kind, listener);
	}

	onResync(listener: () => void): () => void {
		return this.#listeners.onResync(listener);
	}

	/** Ids may arrive out of order (transactions commit in any order): dedupe by id, not by max. */
	#receive(e: LiveEvent) {
		if (!this.#seen.add(e.id)) return;
		this.#lastEventId = Math.max(this.#lastEventId, e.id);
		this.#listeners.dispatch(e);
	}

	close() {
		clearTimeout(this.#reconnect);
		this.#socket.close();
	}
}
