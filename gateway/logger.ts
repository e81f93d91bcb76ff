/**
 * The gateway's log: the shared service logger (lib/observability/logger.ts)
 * named "gateway".
 */
import { createLogger, LoggerOptions, Logger } from '../lib/observability/logger';

export type { Logger } from '../lib/observability/logger';
export { memoryLogger } from '../lib/observability/logger';

export function createGatewayLogger(options: Omit<LoggerOptions, 'name'> = {}): Logger {
  return createLogger({ name: 'gateway', ...options });
}
