/**
 * Argument parsers and options shared by the commands. A bad value is a
 * usage error (exit 2) naming the option and the problem.
 */
import { InvalidArgumentError, Option } from 'commander';
import { DEFAULT_CONFIG_FILE } from '../gateway/config';
import { MEMBER_CODE } from '../lib/reference/members';

export function memberCode(value: string): string {
  if (!MEMBER_CODE.test(value)) throw new InvalidArgumentError(`a member code is two capital letters, e.g. MK (got "${value}")`);
  return value;
}

export function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError(`a port is a whole number 1-65535 (got "${value}")`);
  return n;
}

/** `--config <file>`: the federation config, as the gateway and npm start read it. */
export function configOption(): Option {
  return new Option('--config <file>', 'federation config file').env('GATEWAY_CONFIG').default(DEFAULT_CONFIG_FILE);
}
