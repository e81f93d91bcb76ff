/**
 * Stopping an HTTP server without dropping what it is doing:
 *
 * 1. `draining` turns true at once (readiness answers 503 from then on);
 * 2. connections the kernel already queued are accepted (their requests are in
 *    flight too; a closing listener would reset them), then the listener
 *    closes: no new connections;
 * 3. requests in flight finish; their answers, and any answer sent on a
 *    kept-alive connection from now on, carry `Connection: close`, so each
 *    connection closes after its current request; idle kept-alive
 *    connections are closed at once;
 * 4. after `graceMs`, whatever is still open is cut.
 *
 * Apollo's drain plugin does steps 2 and 4 but sends no `Connection: close`
 * (a client may then reuse a connection the server is closing) and has no
 * readiness; hence this small replacement, used by the gateway and every
 * subgraph.
 */
import type http from 'node:http';
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

export function drainable(server: http.Server): HttpDrain {
  const inFlight = new Set<http.ServerResponse>();
  let running: Promise<DrainOutcome> | undefined;
  let accepted = 0;
  server.on('connection', () => accepted++);

  // First in line: the app may answer synchronously, and the header must go on before it does.
  server.prependListener('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (running) res.setHeader('Connection', 'close');
    inFlight.add(res);
    res.once('close', () => {
      inFlight.delete(res);
      // An answer sent with keep-alive before the drain began leaves its connection idle: close it.
      if (running) setImmediate(() => server.closeIdleConnections());
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
    // Stops listening and closes idle kept-alive connections (a fresh connection counts as busy until its
    // first request is answered); the callback runs once the last connection is closed.
    await new Promise<void>((resolve) => server.close(() => resolve()));
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
