/**
 * What every service process (gateway, procurement, each member) does on
 * SIGTERM or SIGINT: stop once and gracefully — the server turns unready,
 * finishes what is in flight within the grace period (SHUTDOWN_GRACE_MS),
 * databases close last — then exit 0. A repeated signal (Ctrl-C reaches both
 * `npm` and `npm start`, which forwards it) does not cut that short. Should
 * stopping hang past the grace period plus a margin, the process exits 1
 * rather than linger. Started by `npm start` (an IPC channel to it), the
 * process also stops when that supervisor is gone, however it ended.
 */
import { readShutdownGraceMs } from '../http/gracefulShutdown';

export interface StopOnSignalsOptions {
  /** For the log lines, e.g. "the gateway". */
  name: string;
  log: { info(message: string): void; error(fields: object, message: string): void };
  /** Default: SHUTDOWN_GRACE_MS. */
  graceMs?: number;
}

/** Beyond the grace period: closing pools and exporters after the drain. */
export const STOP_MARGIN_MS = 5000;

export function stopOnSignals(stop: () => Promise<void>, options: StopOnSignalsOptions): void {
  const graceMs = options.graceMs ?? readShutdownGraceMs();
  let stopping = false;
  const onSignal = (why: string) => {
    if (stopping) {
      options.log.info(`${why}: already stopping ${options.name}`);
      return;
    }
    stopping = true;
    options.log.info(`${why}: stopping ${options.name} (requests in flight get up to ${graceMs} ms)`);
    setTimeout(() => {
      options.log.error({ graceMs }, `${options.name} did not stop within ${graceMs + STOP_MARGIN_MS} ms; exiting`);
      process.exit(1);
    }, graceMs + STOP_MARGIN_MS).unref();
    stop().then(
      () => process.exit(0),
      (error) => {
        options.log.error({ err: error }, `error while stopping ${options.name}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  if (process.connected) process.once('disconnect', () => onSignal('npm start is gone'));
}
