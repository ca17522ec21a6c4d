import { createRequire } from 'node:module';
import pino, { type DestinationStream, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';
import type { RequestContext } from './context';

export type { Logger };

/**
 * The one logger of the app. JSON lines on stdout (production, `npm start`, `node build`, tests);
 * readable through pino-pretty only under `vite dev`, which sets NODE_ENV=development
 * (`LOG_PRETTY=1` / `LOG_PRETTY=0` force it on or off). LOG_LEVEL sets the level: `info`, or `warn` under Vitest.
 */
function wantsPretty(): boolean {
	if (process.env.LOG_PRETTY === '1') return true;
	if (process.env.LOG_PRETTY === '0' || process.env.VITEST) return false;
	return process.env.NODE_ENV === 'development';
}

/**
 * pino-pretty is a dev dependency: it is loaded at run time (never bundled) and only when wanted,
 * as a synchronous stream in this thread (no worker transport to keep a process alive).
 */
function prettyStream(): DestinationStream | undefined {
	try {
		const pretty = createRequire(import.meta.url)('pino-pretty') as typeof PinoPretty;
		return pretty({
			sync: true,
			colorize: true,
			translateTime: 'SYS:HH:MM:ss.l',
			ignore: 'pid,hostname'
		});
	} catch {
		return undefined;
	}
}

const level = process.env.LOG_LEVEL || (process.env.VITEST ? 'warn' : 'info');
const stream = wantsPretty() ? prettyStream() : undefined;

export const log: Logger = pino({ level, timestamp: pino.stdTimeFunctions.isoTime }, stream);

/** A logger whose every line carries `bindings`, e.g. `{ module: 'realtime' }`. */
export function childLog(bindings: Record<string, unknown>): Logger {
	return log.child(bindings);
}

/** The logger of one request: every line carries its request id (none for systemContext). */
export function logFor(ctx: Pick<RequestContext, 'requestId'>): Logger {
	return ctx.requestId ? log.child({ requestId: ctx.requestId }) : log;
}
