/**
 * Watches the federation config file and hands each changed, valid version
 * to `apply`. An invalid one (unreadable, not JSON, a bad field) is refused
 * with one log line naming the field; the gateway keeps the last good config.
 *
 * The folder is watched, not the file: editors and `jpg member add` replace
 * the file (write a copy, rename it over), which ends a watch on the file itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { ConfigError, FederationConfig, loadFederationConfig } from '../config';

export interface ConfigWatch {
  close(): void;
}

export interface WatchConfigOptions {
  file: string;
  logger: Logger;
  apply: (config: FederationConfig) => void;
  /** Waits this long after the last change event before reading (a write may come in several). Default 150 ms. */
  settleMs?: number;
}

export function watchConfigFile({ file, logger, apply, settleMs = 150 }: WatchConfigOptions): ConfigWatch {
  const absolute = path.resolve(file);
  let lastText = readText(absolute);
  let timer: NodeJS.Timeout | undefined;

  const reload = () => {
    timer = undefined;
    const text = readText(absolute);
    // Unchanged (or the same content written again): nothing to do. A missing file is reported by the loader.
    if (text !== undefined && text === lastText) return;
    let next: FederationConfig;
    try {
      next = loadFederationConfig(absolute);
    } catch (error) {
      const message = error instanceof ConfigError ? error.message : String(error);
      logger.error({ config: absolute }, `${message} — change refused; the gateway keeps the last good config`);
      lastText = text;
      return;
    }
    lastText = text;
    try {
      apply(next);
    } catch (error) {
      logger.error({ err: error, config: absolute }, `federation config ${absolute} could not be applied: ${(error as Error).message}`);
    }
  };

  // Any event in the folder: a Kubernetes ConfigMap swaps a `..data` symlink, not the file's own name; reading
  // the file again and comparing its text is cheap.
  const watcher = fs.watch(path.dirname(absolute), () => {
    clearTimeout(timer);
    timer = setTimeout(reload, settleMs);
  });
  watcher.on('error', (error) => logger.error({ err: error }, `watching the federation config ${absolute} failed: changes are no longer applied`));
  watcher.unref();
  logger.info({ config: absolute }, `watching the federation config ${absolute}: member changes apply without a restart`);
  return {
    close: () => {
      clearTimeout(timer);
      watcher.close();
    },
  };
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
