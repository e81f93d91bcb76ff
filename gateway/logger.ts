/**
 * The gateway's log: pino, JSON lines by default (for log collectors);
 * LOG_FORMAT=text prints one readable line per entry (what `npm start` uses).
 * LOG_LEVEL sets the level (default info).
 */
import pino, { DestinationStream, Logger } from 'pino';
import { readEnv } from '../lib/config/env';

export type { Logger } from 'pino';

export function createGatewayLogger(options: { level?: string; format?: 'json' | 'text'; destination?: DestinationStream } = {}): Logger {
  const level = options.level ?? readEnv('LOG_LEVEL', 'info')!;
  const format = options.format ?? (readEnv('LOG_FORMAT') === 'text' ? 'text' : 'json');
  const destination = options.destination ?? (format === 'text' ? textLines(process.stdout) : pino.destination(1));
  return pino({ name: 'gateway', level, base: undefined }, destination);
}

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** "12:00:01 warn  member XK: …" from each JSON entry. */
function textLines(out: NodeJS.WritableStream): DestinationStream {
  return {
    write(line: string) {
      const entry = JSON.parse(line) as { time: number; level: number; msg?: string; err?: { message?: string } };
      const time = new Date(entry.time).toISOString().slice(11, 19);
      const level = (LEVEL_NAMES[entry.level] ?? String(entry.level)).padEnd(5);
      out.write(`${time} ${level} ${entry.msg ?? ''}${entry.err?.message ? ` (${entry.err.message})` : ''}\n`);
    },
  };
}

/** A logger that keeps its entries in memory, for tests that check what was logged. */
export function memoryLogger(level = 'info'): { logger: Logger; entries: Array<{ level: number; msg: string } & Record<string, unknown>> } {
  const entries: Array<{ level: number; msg: string } & Record<string, unknown>> = [];
  const logger = pino({ name: 'gateway', level, base: undefined }, { write: (line: string) => void entries.push(JSON.parse(line)) });
  return { logger, entries };
}
