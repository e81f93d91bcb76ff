/**
 * Stopping an HTTP server without dropping what it is doing:
 *
 * 1. `draining` turns true at once (readiness answers 503 from then on);
 * 2. connections the kernel already queued are accepted (their requests are in
 *    flight too; a closing listener would reset them), then the listener
 *    closes: no new connections;
 * 3. requests in flight finish; their answers, and any answer sent on a
 *    kept-alive connection from now on, carry `Connection: close`, so each
 *    connection closes after its current request; a kept-alive connection
 *    idle meanwhile may still bring one request within IDLE_LINGER_MS
 *    (answered, with `Connection: close`), then it is closed — closed at
 *    once, a client that had just sent its next request on it (a busy client
 *    does so within milliseconds) would lose that request to a reset;
 * 4. after `graceMs`, whatever is still open is cut.
 *
 * Apollo's drain plugin does steps 2 and 4 but sends no `Connection: close`
 * (a client may then reuse a connection the server is closing) and has no
 * readiness; hence this small replacement, used by the gateway and every
 * subgraph.
 */
import type http from 'node:http';
import net from 'node:net';
import { readPositiveInteger } from '../config/env';

export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** SHUTDOWN_GRACE_MS (lib/config/env.ts), default 10 s. */
export function readShutdownGraceMs(): number {
  return readPositiveInteger('SHUTDOWN_GRACE_MS', DEFAULT_SHUTDOWN_GRACE_MS);
}

export interface DrainOutcome {
  /** False when the grace period ran out and connections were cut. */
  gracefully: boolean;
}

export interface HttpDrain {
  /** True from the moment `drain` is called. */
  readonly draining: boolean;
  /** Runs steps 1-4; resolves when every connection is closed. Calling it again returns the same drain. */
  drain(graceMs: number): Promise<DrainOutcome>;
}

/** At most this long (ms) spent accepting connections already queued when the drain begins. */
const QUEUE_SETTLE_MS = 500;

/** How long (ms) a kept-alive connection idle during the drain may still bring a request before it is closed. */
export const IDLE_LINGER_MS = 1000;

export function drainable(server: http.Server): HttpDrain {
  const inFlight = new Set<http.ServerResponse>();
  let running: Promise<DrainOutcome> | undefined;
  let lingerOver = false;
  let accepted = 0;
  server.on('connection', () => accepted++);

  // First in line: the app may answer synchronously, and the header must go on before it does.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (running) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // An answer sent with keep-alive before the drain began leaves its connection idle: past the linger, close it.
      if (lingerOver) setImmediate(() => server.closeIdleConnections());
    });
  });

  const drain = async (graceMs: number): Promise<DrainOutcome> => {
    for (const res of inFlight) if (!res.headersSent) res.setHeader('Connection', 'close');
    // Connections the kernel has already queued carry requests in flight too, and closing the listener would
    // reset them: accept until a whole turn of the event loop brings no new one (bounded).
    const settleUntil = Date.now() + QUEUE_SETTLE_MS;
    let before: number;
    do {
      before = accepted;
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } while (accepted > before && Date.now() < settleUntil);
    let gracefully = true;
    const cut = setTimeout(() => {
      gracefully = false;
      server.closeAllConnections();
    }, graceMs);
    // Stops listening; the callback runs once the last connection is closed. (Not http.Server#close, which would
    // close idle kept-alive connections at once.) Idle ones are closed after the linger (a fresh connection counts
    // as busy until its first request is answered).
    const closed = new Promise<void>((resolve) => net.Server.prototype.close.call(server, () => resolve()));
    const linger = setTimeout(() => {
      lingerOver = true;
      server.closeIdleConnections();
    }, Math.min(IDLE_LINGER_MS, graceMs));
    await closed;
    clearTimeout(linger);
    clearTimeout(cut);
    return { gracefully };
  };

  return {
    get draining() {
      return running !== undefined;
    },
    drain: (graceMs) => (running ??= drain(graceMs)),
  };
}
