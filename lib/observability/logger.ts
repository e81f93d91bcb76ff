/**
 * Every service's log: pino, JSON lines by default (for log collectors);
 * LOG_FORMAT=text prints one readable line per entry (what `npm start` uses).
 * LOG_LEVEL sets the level (default info).
 *
 * Each line written while a request runs carries its `requestId`
 * (./requestContext.ts). Credentials never reach a line: the fields that
 * could hold one are redacted, whatever logs them.
 */
import pino, { DestinationStream, Logger } from 'pino';
import { readEnv } from '../config/env';
import { ALL_GATEWAY_HEADERS } from '../security/headers';
import { currentRequest } from './requestContext';

export type { Logger } from 'pino';

export interface LoggerOptions {
  /** The service, e.g. "gateway", "procurement", "country-XK": each line's `name`. */
  name: string;
  level?: string;
  format?: 'json' | 'text';
  destination?: DestinationStream;
}

/**
 * Paths whose values are replaced by "[redacted]": bearer tokens, the
 * gateway's signature headers, secrets and passwords, at the top level and
 * one or two levels down (e.g. `headers.authorization`, `req.headers.cookie`).
 */
const SENSITIVE = ['authorization', 'cookie', 'set-cookie', 'token', 'password', 'secret', ...ALL_GATEWAY_HEADERS];
export const REDACTED_PATHS = SENSITIVE.flatMap((key) => {
  const step = /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `["${key}"]`;
  return [step.replace(/^\./, ''), `*${step}`, `*.*${step}`];
});

function pinoOptions(name: string, level: string): pino.LoggerOptions {
  return {
    name,
    level,
    base: undefined,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.requestId } : {};
    },
  };
}

export function createLogger(options: LoggerOptions): Logger {
  const level = options.level ?? readEnv('LOG_LEVEL', 'info')!;
  const format = options.format ?? (readEnv('LOG_FORMAT') === 'text' ? 'text' : 'json');
  const destination = options.destination ?? (format === 'text' ? textLines(process.stdout) : pino.destination(1));
  return pino(pinoOptions(options.name, level), destination);
}

let processLogger: Logger | undefined;

/**
 * For code with no logger of its own (error formatting, token keys): the log
 * of the service whose request is running, else one for the process.
 */
export function currentLogger(): Logger {
  return currentRequest()?.logger ?? (processLogger ??= createLogger({ name: 'jpg' }));
}

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** "12:00:01 warn  member XK: … [req 3f2a…]" from each JSON entry. */
function textLines(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as { time: number; level: number; msg?: string; err?: { message?: string }; requestId?: string };
      const time = new Date(entry.time).toISOString().slice(11, 19);
      const level = (LEVEL_NAMES[entry.level] ?? String(entry.level)).padEnd(5);
      const cause = entry.err?.message ? ` (${entry.err.message})` : '';
      const request = entry.requestId ? ` [${entry.requestId}]` : '';
      out.write(`${time} ${level} ${entry.msg ?? ''}${cause}${request}\n`);
    },
  };
}

export type LogEntry = { level: number; msg: string } & Record<string, unknown>;

/** A logger that keeps its entries in memory, for tests that check what was logged. */
export function memoryLogger(level = 'info', name = 'gateway'): { logger: Logger; entries: LogEntry[]; lines: string[] } {
  const entries: LogEntry[] = [];
  const lines: string[] = [];
  const logger = pino(pinoOptions(name, level), {
    write: (line: string) => {
      lines.push(line);
      entries.push(JSON.parse(line));
    },
  });
  return { logger, entries, lines };
}
